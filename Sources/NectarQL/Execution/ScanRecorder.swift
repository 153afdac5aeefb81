import NectarCatalog
import NectarSource
import Synchronization

/// Counts what scans deliver (rows, values that could not be coerced), and learns how many
/// records each listing holds whenever one is read to its end, for the planner's estimates.
final class ScanRecorder: Sendable {
    private struct State {
        var rows = 0
        var coercionFailures = 0
        var estimates = CardinalityEstimates()
    }

    private let state = Mutex(State())

    var rows: Int { state.withLock { $0.rows } }
    var coercionFailures: Int { state.withLock { $0.coercionFailures } }
    var estimates: CardinalityEstimates { state.withLock { $0.estimates } }

    func record(rows: Int, coercionFailures: Int) {
        state.withLock {
            $0.rows += rows
            $0.coercionFailures += coercionFailures
        }
    }

    func finished(_ request: PageRequest, records: Int) {
        state.withLock { $0.estimates.observe(records: records, path: request.path, filters: request.parameters) }
    }
}
