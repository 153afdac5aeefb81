import Foundation
import NectarCatalog

/// A snapshot file: opened for reading (queries) or writing (a sync), checked to be a NectarQL
/// snapshot before anything else touches it, created 0600 with the catalog's schema, in WAL mode
/// so queries read the last committed sync while the next one writes.
package final class SnapshotStore: SnapshotStoring {
    package let path: String
    package let connection: SQLiteConnection
    /// The scans' compiled statements, reused from one query to the next.
    package let statements: SQLiteStatementPool
    /// Connections that read a whole table in parallel, beside `connection`, and how they split it.
    private let splitReaders: ReadConnectionPool
    private let splitShape: SplitTableRead.Shape
    /// Opened by `openForWriting`: the file exists with its schema, WAL on, and a sync may use
    /// this connection. A store opened for reading opens its own writing connection to sync.
    private let isWritable: Bool

    package var location: String { path }
    package var dialect: SnapshotDialect { .sqlite }

    /// Opens an existing snapshot for queries; a missing, corrupt or foreign file is a clear error.
    /// `split`: how a whole table is read in parallel (the default suits the machine).
    package static func openForReading(path: String, split: SplitTableRead.Shape = .init()) throws -> SnapshotStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SnapshotError("no snapshot at '\(path)'; make one with `nectarql sync --snapshot \(path)`")
        }
        let store = SnapshotStore(
            path: path, connection: try SQLiteConnection(path: path, serialized: true), isWritable: false, split: split)
        try store.checkIsSnapshot()
        // Queries read the file through a memory map: a page is read in place, with no system call
        // and no copy into SQLite's cache (2 MB by default, far smaller than a group-by's table).
        try store.connection.execute("PRAGMA mmap_size = \(readMapBytes)")
        return store
    }

    /// How much of the file queries map; pages past it are read the ordinary way.
    static let readMapBytes = 1 << 30

    /// Opens the snapshot a sync writes, creating the file (and its directory) when it is missing.
    package static func openForWriting(path: String, catalog: Catalog) throws -> SnapshotStore {
        let isNew = try createIfMissing(path)
        let store = SnapshotStore(path: path, connection: try SQLiteConnection(path: path, serialized: false), isWritable: true)
        let isEmpty = try isNew || store.isEmptyDatabase()
        if isEmpty {
            try store.create(catalog)
        } else {
            try store.checkIsSnapshot()
        }
        try store.connection.execute("PRAGMA journal_mode = WAL")
        // WAL with NORMAL cannot corrupt the file; a power cut may lose only the last commit.
        try store.connection.execute("PRAGMA synchronous = NORMAL")
        return store
    }

    private init(path: String, connection: SQLiteConnection, isWritable: Bool, split: SplitTableRead.Shape = .init()) {
        self.path = path
        self.connection = connection
        statements = SQLiteStatementPool(connection: connection)
        splitReaders = ReadConnectionPool(path: path, keep: split.threads)
        splitShape = split
        self.isWritable = isWritable
    }

    package func beginSync(tables: [TableDefinition], catalog: Catalog) throws -> any SnapshotWriting {
        let store = isWritable ? self : try Self.openForWriting(path: path, catalog: catalog)
        return try SnapshotWriter(store: store, tables: tables)
    }

    /// A whole table is read in parallel when it is large enough (see `SplitTableRead`); when a
    /// split cannot start, the query's own connection reads it, and reports any error the file has.
    package func rows(of query: SnapshotQuery, pageRows: Int) -> AsyncThrowingStream<[[Value]], any Error> {
        if let rowRange = query.rowRange, let split = try? SplitTableRead(query, rowRange, shape: splitShape, pool: splitReaders) {
            return AsyncThrowingStream { try await split.next() }
        }
        let reader: SnapshotReader
        do {
            reader = try SnapshotReader(query, store: self)
        } catch {
            return AsyncThrowingStream { throw error }
        }
        return AsyncThrowingStream {
            try Task.checkCancellation()
            let rows = try reader.next(pageRows)
            return rows.isEmpty ? nil : rows
        }
    }

    /// The connection closes when the last reference goes.
    package func close() async {}

    /// Every table's bookkeeping, by table name.
    package func syncRecords() throws -> [String: SyncRecord] {
        let statement = try connection.prepare("""
            SELECT table_name, api_base_url, last_sync_started, last_sync_finished, last_full_read, rows, requests
            FROM \(SnapshotSchema.quoted(SnapshotSchema.bookkeepingTable))
            """)
        var records: [String: SyncRecord] = [:]
        try statement.bind([])
        while try statement.step() {
            func time(_ column: Int32) -> Int64? {
                statement.isNull(at: column) ? nil : SnapshotTimestamp.milliseconds(statement.text(at: column))
            }
            let record = SyncRecord(
                table: statement.text(at: 0), apiBaseURL: statement.text(at: 1), lastSyncStarted: time(2),
                lastSyncFinished: time(3), lastFullRead: time(4), rows: Int(statement.integer(at: 5)),
                requests: Int(statement.integer(at: 6)))
            records[record.table] = record
        }
        return records
    }

    /// The custom field definitions the file's tables were synced with (none before the first
    /// sync from an account that has some): a snapshot query's catalog, without a request.
    package func customFieldDefinitions() throws -> [CustomFieldDefinition] {
        try SnapshotCustomFields.definitions(in: connection)
    }

    /// Deletes a snapshot file with the -wal and -shm files SQLite keeps beside it, if any.
    package static func removeFiles(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A new file gets 0600 before SQLite writes to it (its -wal and -shm files take the same mode).
    private static func createIfMissing(_ path: String) throws -> Bool {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else { return false }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !directory.isEmpty, !manager.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw SnapshotError("the directory '\(directory)' for the snapshot '\(path)' does not exist; create it, or choose another path")
        }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw SnapshotError("cannot create the snapshot '\(path)'; check that its directory is writable")
        }
        return true
    }

    private func isEmptyDatabase() throws -> Bool {
        try connection.scalar("SELECT count(*) FROM sqlite_master").integer == 0
    }

    private func create(_ catalog: Catalog) throws {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            for statement in SnapshotSchema.statements(for: catalog) { try connection.execute(statement) }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Reads the header (which fails clearly for a file that is not SQLite) and the application id.
    private func checkIsSnapshot() throws {
        let id = try connection.scalar("PRAGMA application_id").integer ?? 0
        guard id == SnapshotSchema.applicationID else {
            throw SnapshotError(
                "'\(path)' is a SQLite database but not a NectarQL snapshot; give `--snapshot` another path (nothing was changed)")
        }
        let version = try connection.scalar("PRAGMA user_version").integer ?? 0
        guard version == SnapshotSchema.version else {
            throw SnapshotError(
                "'\(path)' is a snapshot of another NectarQL version (schema \(version), this one reads \(SnapshotSchema.version)); "
                    + "move it away and run `nectarql sync` to make a new one")
        }
    }
}
