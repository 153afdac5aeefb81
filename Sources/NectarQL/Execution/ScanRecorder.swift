import NectarCatalog
import NectarSource
import Synchronization

/// Counts what scans deliver (rows, values that could not be coerced), and learns how many
/// records each listing holds whenever one is read to its end, for the planner's estimates.
final class ScanRecorder: Sendable {
    private struct State {
        var rows = 0
        var coercionFailures = 0
        var ignoredCustomValues = 0
        var estimates = CardinalityEstimates()
    }

    private let state = Mutex(State())

    var rows: Int { state.withLock { $0.rows } }
    var coercionFailures: Int { state.withLock { $0.coercionFailures } }
    var ignoredCustomValues: Int { state.withLock { $0.ignoredCustomValues } }
    var estimates: CardinalityEstimates { state.withLock { $0.estimates } }

    func record(rows: Int, from pages: [FlattenedPage]) {
        state.withLock {
            $0.rows += rows
            for page in pages {
                $0.coercionFailures += page.coercionFailures
                $0.ignoredCustomValues += page.ignoredCustomValues
            }
        }
    }

    func finished(_ request: PageRequest, records: Int) {
        state.withLock { $0.estimates.observe(records: records, path: request.path, filters: request.parameters) }
    }
}
