import NectarCatalog
import Synchronization

/// Counts what scans deliver: rows, and values that could not be coerced.
final class ScanRecorder: Sendable {
    private struct State {
        var rows = 0
        var coercionFailures = 0
        var ignoredCustomValues = 0
    }

    private let state = Mutex(State())

    var rows: Int { state.withLock { $0.rows } }
    var coercionFailures: Int { state.withLock { $0.coercionFailures } }
    var ignoredCustomValues: Int { state.withLock { $0.ignoredCustomValues } }

    func record(rows: Int, from pages: [FlattenedPage]) {
        state.withLock {
            $0.rows += rows
            for page in pages {
                $0.coercionFailures += page.coercionFailures
                $0.ignoredCustomValues += page.ignoredCustomValues
            }
        }
    }
}
