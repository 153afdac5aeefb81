import NectarCatalog
import NectarSnapshot
import Synchronization

/// The session's choice of source: the API, or a snapshot file (and how fresh its tables must
/// be before a statement reads them).
final class SnapshotSettings: Sendable {
    struct State {
        var store: SnapshotStore?
        /// The custom fields the snapshot stores, read when it was chosen (and after a sync into it).
        var customFields: [CustomFieldDefinition] = []
        /// Tables older than this are refreshed incrementally before a statement reads them; nil never.
        var maxAge: Duration?
    }

    private let state = Mutex(State())

    var current: State { state.withLock { $0 } }

    func use(_ store: SnapshotStore?, customFields: [CustomFieldDefinition]) {
        state.withLock { state in
            state.store = store
            state.customFields = customFields
        }
    }

    func setMaxAge(_ maxAge: Duration?) { state.withLock { $0.maxAge = maxAge } }
}
