import Foundation
import NectarCatalog
import NectarSnapshot

/// The store a `--snapshot` value names: a SQLite file.
enum SnapshotOpening {
    static func forWriting(_ location: String, catalog: Catalog) throws -> any SnapshotStoring {
        return try SnapshotStore.openForWriting(path: location, catalog: catalog)
    }

    static func forReading(_ location: String) async throws -> any SnapshotStoring {
        return try SnapshotStore.openForReading(path: location)
    }
}
