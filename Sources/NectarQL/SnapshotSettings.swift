import NectarSnapshot
import Synchronization

/// The session's choice of source: the API, or a snapshot (a SQLite file or a PostgreSQL mirror; and how fresh its tables must
/// be before a statement reads them).
final class SnapshotSettings: Sendable {
    struct State {
        var store: (any SnapshotStoring)?
        /// Tables older than this are refreshed incrementally before a statement reads them; nil never.
        var maxAge: Duration?
    }

    private let state = Mutex(State())

    var current: State { state.withLock { $0 } }

    /// Switches to `store`, returning the one used before (for the caller to close).
    func use(_ store: (any SnapshotStoring)?) -> (any SnapshotStoring)? {
        state.withLock { state in
            defer { state.store = store }
            return state.store
        }
    }

    func setMaxAge(_ maxAge: Duration?) { state.withLock { $0.maxAge = maxAge } }
}
