import Foundation
import NectarCatalog
import NectarPostgres
import NectarSnapshot

/// Which store a `--snapshot` value names: a `postgres://` URL is a PostgreSQL mirror, anything
/// else a SQLite file.
enum SnapshotOpening {
    static func forWriting(_ location: String, catalog: Catalog) throws -> any SnapshotStoring {
        if PostgresURL.isPostgres(location) { return try PostgresMirror.openForWriting(location) }
        return try SnapshotStore.openForWriting(path: location, catalog: catalog)
    }

    static func forReading(_ location: String) async throws -> any SnapshotStoring {
        if PostgresURL.isPostgres(location) { return try await PostgresMirror.openForReading(location) }
        return try SnapshotStore.openForReading(path: location)
    }
}

/// Hides the password of any PostgreSQL URL in a text, for text the shell shows or keeps (its
/// history) that it did not build itself.
package enum SnapshotLocationRedaction {
    package static func redact(_ text: String) -> String { PostgresRedaction.mask(text) }

    /// The password a `--snapshot` URL carries, if any, so that a caller can mask it everywhere.
    package static func password(in location: String) -> String? {
        guard PostgresURL.isPostgres(location) else { return nil }
        return (try? PostgresURL(location))?.password
    }
}
