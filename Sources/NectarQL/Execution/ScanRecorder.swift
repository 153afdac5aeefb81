import NectarCatalog
import Synchronization

/// Counts what scans deliver, across the statements of one engine.
package final class ScanRecorder: Sendable {
    private let state = Mutex(ScanCounts())

    package init() {}

    package var counts: ScanCounts { state.withLock { $0 } }

    func record(rows: Int, from page: FlattenedPage) {
        state.withLock {
            $0.rows += rows
            $0.coercionFailures += page.coercionFailures
            $0.ignoredCustomValues += page.ignoredCustomValues
        }
    }
}
