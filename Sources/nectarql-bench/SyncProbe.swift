import Foundation
import NectarQL

/// The child side of the first-sync measurement: one full sync into a new file in a fresh
/// process, then its time, requests and peak RSS (`VmHWM`) on one line.
struct SyncProbe {
    struct Report: Equatable {
        var seconds: Double
        var requests: Int
        var rows: Int
        var peakBytes: Int

        var line: String { "sync-probe seconds=\(seconds) requests=\(requests) rows=\(rows) peak_rss=\(peakBytes)" }

        init(seconds: Double, requests: Int, rows: Int, peakBytes: Int) {
            self.seconds = seconds
            self.requests = requests
            self.rows = rows
            self.peakBytes = peakBytes
        }

        /// Reads the probe's line out of its whole output; nil when it is missing.
        init?(output: String) {
            guard let fields = ProbeLine.fields("sync-probe", in: output) else { return nil }
            guard let seconds = fields["seconds"].flatMap(Double.init), let requests = fields["requests"].flatMap(Int.init),
                let rows = fields["rows"].flatMap(Int.init), let peak = fields["peak_rss"].flatMap(Int.init)
            else { return nil }
            self.init(seconds: seconds, requests: requests, rows: rows, peakBytes: peak)
        }
    }

    let apiURL: String
    let path: String
    let concurrency: Int

    func run() async throws -> Report {
        var configuration = EngineConfiguration(apiURL: apiURL, token: FakeAPI.token)
        configuration.concurrency = concurrency
        configuration.cacheTTL = nil
        return try await Engine.using(configuration) { engine in
            let clock = ContinuousClock()
            let start = clock.now
            let reports = try await engine.sync(snapshotPath: path, options: SyncOptions())
            let seconds = (clock.now - start).seconds
            return Report(
                seconds: seconds, requests: engine.statistics().requests, rows: reports.reduce(0) { $0 + $1.rows },
                peakBytes: ProcessMemory.peakBytes ?? 0)
        }
    }
}
