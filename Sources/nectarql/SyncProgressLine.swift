import Foundation
import NectarQL
import Synchronization

/// The sync's progress on a terminal: one line per table group, redrawn as its pages arrive.
final class SyncProgressLine: Sendable {
    private let isShown: Bool
    private let latest = Mutex([String: SyncProgress]())

    init(isShown: Bool) {
        self.isShown = isShown
    }

    /// Called from the sync's tasks after each page.
    func update(_ progress: SyncProgress) {
        guard isShown else { return }
        let line = latest.withLock { latest in
            latest[progress.table] = progress
            return latest.values.sorted { $0.table < $1.table }
                .map { "\($0.table) \($0.records) records/\($0.requests) req" }.joined(separator: " · ")
        }
        StandardError.write("\r\u{1B}[2Ksyncing… " + line + " (Ctrl-C cancels)")
    }

    func finish() {
        guard isShown else { return }
        StandardError.write("\r\u{1B}[2K")
    }
}

/// The summary a sync prints on stderr: each table's rows, requests and seconds.
enum SyncSummary {
    static func text(_ reports: [SyncTableReport], path: String, elapsed: Duration) -> String {
        let width = max(5, reports.map(\.table.count).max() ?? 0)
        var lines = ["table".padding(toLength: width, withPad: " ", startingAt: 0) + "       rows  requests  seconds  read"]
        for report in reports {
            let read = report.readWith.map { "with \($0)" } ?? (report.fullRead ? "whole" : "changes only")
            lines.append(
                report.table.padding(toLength: width, withPad: " ", startingAt: 0)
                    + String(format: " %10d %9d %8.1f  ", report.rows, report.requests, report.seconds) + read)
        }
        let requests = reports.reduce(0) { $0 + $1.requests }
        let seconds = elapsed / .seconds(1)
        lines.append("synced \(reports.count) tables into \(path): \(requests) requests in " + String(format: "%.1f s", seconds))
        return lines.joined(separator: "\n") + "\n"
    }
}
