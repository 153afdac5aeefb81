import NectarCatalog
import NectarSnapshot
import Synchronization

/// The session's choice of source: the API, or a snapshot (a SQLite file or a PostgreSQL mirror; and how fresh its tables must
/// be before a statement reads them).
final class SnapshotSettings: Sendable {
    struct State {
        var store: (any SnapshotStoring)?
        /// The custom fields the snapshot stores, read when it was chosen (and after a sync into it).
        var customFields: [CustomFieldDefinition] = []
        /// Tables older than this are refreshed incrementally before a statement reads them; nil never.
        var maxAge: Duration?
    }

    private let state = Mutex(State())

    var current: State { state.withLock { $0 } }

    /// Switches to `store` and the custom fields it stores, returning the store used before (for
    /// the caller to close).
    func use(_ store: (any SnapshotStoring)?, customFields: [CustomFieldDefinition]) -> (any SnapshotStoring)? {
        state.withLock { state in
            defer {
                state.store = store
                state.customFields = customFields
            }
            return state.store
        }
    }

    /// The custom fields `store` holds after a refresh, if it is still the one in use.
    func setCustomFields(_ customFields: [CustomFieldDefinition], of store: any SnapshotStoring) {
        state.withLock { state in
            guard let current = state.store, current as AnyObject === store as AnyObject else { return }
            state.customFields = customFields
        }
    }

    func setMaxAge(_ maxAge: Duration?) { state.withLock { $0.maxAge = maxAge } }
}
