import Foundation
import NectarQL

/// The live line on stderr while a statement fetches: pages, rows, requests, elapsed time, and
/// the wait the API asked for (429 with `Retry-After`), so a pause does not look like a hang.
/// Drawn only on a terminal and erased when the statement ends, so it never lands in a file.
@MainActor
final class ProgressLine {
    private let statistics: @Sendable () -> EngineStatistics
    private let serverPause: @Sendable () -> Duration?
    private let baseline: EngineStatistics
    private let started = ContinuousClock.now
    private var ticker: Task<Void, Never>?
    private var isShown = false

    /// Redraws about ten times a second.
    static let interval = Duration.milliseconds(100)

    init(statistics: @escaping @Sendable () -> EngineStatistics, serverPause: @escaping @Sendable () -> Duration?) {
        self.statistics = statistics
        self.serverPause = serverPause
        self.baseline = statistics()
    }

    static func isWanted(quiet: Bool) -> Bool {
        !quiet && Terminal.errorIsTerminal
    }

    func start() {
        ticker = Task { @MainActor [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: ProgressLine.interval)
                guard let self, !Task.isCancelled else { return }
                self.draw()
            }
        }
    }

    /// Stops redrawing and wipes the line.
    func stop() {
        ticker?.cancel()
        ticker = nil
        erase()
    }

    /// Wipes the line before other output goes to the terminal; the next tick redraws it.
    func erase() {
        guard isShown else { return }
        StandardError.write("\r\u{1B}[2K")
        isShown = false
    }

    private func draw() {
        let delta = statistics().since(baseline)
        let elapsed = ContinuousClock.now - started
        StandardError.write("\r\u{1B}[2K" + Self.text(delta, elapsed: elapsed, serverPause: serverPause()))
        isShown = true
    }

    static func text(_ delta: EngineStatistics, elapsed: Duration, serverPause: Duration? = nil) -> String {
        let seconds = elapsed / .seconds(1)
        let counts = "\(delta.pages) pages, \(delta.rows) rows, \(delta.requests) requests, " + String(format: "%.1f s", seconds)
        guard let serverPause else { return "fetching… " + counts + " (Ctrl-C cancels)" }
        let wait = Int((serverPause / .seconds(1)).rounded(.up))
        return "waiting \(wait) s: the API asked to slow down (429 Retry-After); " + counts + " (Ctrl-C cancels)"
    }
}
