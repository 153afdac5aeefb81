import Synchronization

/// Counts what scans deliver: rows, and values that could not be coerced.
final class ScanRecorder: Sendable {
    private struct State {
        var rows = 0
        var coercionFailures = 0
    }

    private let state = Mutex(State())

    var rows: Int { state.withLock { $0.rows } }
    var coercionFailures: Int { state.withLock { $0.coercionFailures } }

    func record(rows: Int, coercionFailures: Int) {
        state.withLock {
            $0.rows += rows
            $0.coercionFailures += coercionFailures
        }
    }
}
