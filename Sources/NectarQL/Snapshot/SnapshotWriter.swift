import NectarCatalog
import Synchronization

/// Writes one sync run into the file as a single transaction: until `commit`, readers and a
/// crash see the previous snapshot. Pages come from several listings at once; a lock keeps the
/// connection to one of them at a time.
package final class SnapshotWriter: SnapshotWriting {
    private struct TableStatements {
        let insert: SQLiteStatement
        /// Deletes a child table's rows of one parent (nil for record tables, replaced by id).
        let deleteChildren: SQLiteStatement?
    }

    private let store: SnapshotStore
    private let statements: Mutex<[String: TableStatements]>
    /// The run's first failed write: every later write fails with it (see `writing`).
    private let firstFailure = Mutex<(any Error)?>(nil)
    /// Tables whose custom fields differ from those the file held: their rows must be read whole.
    package let customFieldsChanged: Set<String>

    /// Starts the run's transaction (the write lock is taken now, so a second sync waits or fails
    /// here), then brings the file's custom columns in line with `tables`, within the run: a
    /// failed run leaves the previous columns too.
    package init(store: SnapshotStore, tables: [TableDefinition]) throws {
        self.store = store
        let connection = store.connection
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try connection.execute(SnapshotCustomFields.createStatement)
            var changed: Set<String> = []
            for table in tables where Catalog.takesCustomFields(table) {
                if try SnapshotCustomFields.store(table, in: connection) { changed.insert(table.name) }
            }
            customFieldsChanged = changed
            var prepared: [String: TableStatements] = [:]
            for table in tables {
                let columns = table.columns.map { SnapshotSchema.quoted($0.name) }.joined(separator: ", ")
                let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                let insert = try connection.prepare(
                    "INSERT OR REPLACE INTO \(SnapshotSchema.quoted(table.name)) (\(columns)) VALUES (\(marks))")
                let delete = try SnapshotSchema.parentIDColumn(of: table).map { parent in
                    try connection.prepare(
                        "DELETE FROM \(SnapshotSchema.quoted(table.name)) WHERE \(SnapshotSchema.quoted(parent)) = ?")
                }
                prepared[table.name] = TableStatements(insert: insert, deleteChildren: delete)
            }
            statements = Mutex(prepared)
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    package func syncRecords() throws -> [String: SyncRecord] {
        try statements.withLock { _ in try store.syncRecords() }
    }

    /// Empties tables read whole, so rows the API no longer lists are gone after the run.
    package func clear(_ tables: [TableDefinition]) throws {
        try writing { _ in
            for table in tables { try store.connection.execute("DELETE FROM \(SnapshotSchema.quoted(table.name))") }
        }
    }

    /// Stores one page of a table: records replace the row with their id; a child table's rows of
    /// each parent replace that parent's previous rows (a record seen twice is stored once).
    package func write(_ page: FlattenedPage, of table: TableDefinition) throws {
        try writing { statements in
            guard let prepared = statements[table.name] else { return }
            for record in page.records {
                if let delete = prepared.deleteChildren, !record.id.isNull {
                    try delete.run([Self.storage(record.id)])
                }
                for row in record.rows {
                    try prepared.insert.run(row.map(Self.storage))
                }
            }
        }
    }

    /// Rows the table holds within the run, for the summary and the bookkeeping.
    package func rowCount(of table: TableDefinition) throws -> Int {
        try statements.withLock { _ in
            Int(try store.connection.scalar("SELECT count(*) FROM \(SnapshotSchema.quoted(table.name))").integer ?? 0)
        }
    }

    /// Records each table's bookkeeping, then makes the whole run visible at once.
    package func commit(_ records: [SyncRecord]) throws {
        try writing { _ in
            let upsert = try store.connection.prepare("""
                INSERT OR REPLACE INTO \(SnapshotSchema.quoted(SnapshotSchema.bookkeepingTable))
                (table_name, api_base_url, last_sync_started, last_sync_finished, last_full_read, rows, requests)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for record in records {
                func time(_ ms: Int64?) -> SQLiteValue { ms.map { .text(SnapshotTimestamp.text($0)) } ?? .null }
                try upsert.run([
                    .text(record.table), .text(record.apiBaseURL), time(record.lastSyncStarted), time(record.lastSyncFinished),
                    time(record.lastFullRead), .integer(Int64(record.rows)), .integer(Int64(record.requests)),
                ])
            }
            try store.connection.execute("COMMIT")
            // The run's pages sit in the write-ahead log, where every read must look them up and
            // copy them; copied into the file now, queries read them in place through the memory
            // map. Passive: it waits for no reader, and one it must skip is done by a later sync.
            try? store.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }

    /// Runs a write under the connection's lock, once the run has failed only with its first
    /// failure: SQLite may have rolled the transaction back by itself (a full disk), and pages of
    /// other tables still arriving would otherwise each be committed on their own.
    private func writing<T>(_ body: (inout [String: TableStatements]) throws -> T) throws -> T {
        try statements.withLock { statements in
            if let failure = firstFailure.withLock({ $0 }) { throw failure }
            guard store.connection.isInTransaction else {
                throw SnapshotError("the sync's transaction ended after an earlier failure; nothing of this run was kept")
            }
            do {
                return try body(&statements)
            } catch {
                firstFailure.withLock { $0 = $0 ?? error }
                throw error
            }
        }
    }

    /// Abandons the run: the file keeps the previous snapshot.
    package func rollBack() {
        statements.withLock { _ in try? store.connection.execute("ROLLBACK") }
    }

    /// How a value is stored in its column's SQLite type.
    package static func storage(_ value: Value) -> SQLiteValue {
        switch value {
        case .null: .null
        case .float(let d): .real(d)
        case .text(let text): .text(text)
        case .boolean(let flag): .integer(flag ? 1 : 0)
        case .timestamp(let ms): .text(SnapshotTimestamp.text(ms))
        }
    }
}
