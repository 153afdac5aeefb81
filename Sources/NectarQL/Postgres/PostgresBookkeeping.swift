import NectarSnapshot
import PostgresNIO

/// `_nectarql_sync` in the mirror: read as `SyncRecord`s, written once per run just before the
/// commit. Its instants are timestamptz.
enum PostgresBookkeeping {
    static func selectSQL(schema: String) -> String {
        """
        SELECT table_name, api_base_url, last_sync_started, last_sync_finished, last_full_read, rows, requests
        FROM \(PostgresMirrorSchema.qualified(schema, SnapshotSchema.bookkeepingTable))
        """
    }

    static func upsertSQL(schema: String) -> String {
        """
        INSERT INTO \(PostgresMirrorSchema.qualified(schema, SnapshotSchema.bookkeepingTable))
        (table_name, api_base_url, last_sync_started, last_sync_finished, last_full_read, rows, requests)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (table_name) DO UPDATE SET api_base_url = EXCLUDED.api_base_url,
          last_sync_started = EXCLUDED.last_sync_started, last_sync_finished = EXCLUDED.last_sync_finished,
          last_full_read = EXCLUDED.last_full_read, rows = EXCLUDED.rows, requests = EXCLUDED.requests
        """
    }

    /// The bookkeeping table's name as `to_regclass` reads it (a bound value), to ask whether it exists.
    static func regclassName(schema: String) -> String {
        PostgresMirrorSchema.qualified(schema, SnapshotSchema.bookkeepingTable)
    }

    static func record(_ row: PostgresRow) throws -> SyncRecord {
        let (table, url, started, finished, full, rows, requests) = try row.decode(
            (String, String, PostgresInstant?, PostgresInstant?, PostgresInstant?, Int64?, Int64?).self)
        return SyncRecord(
            table: table, apiBaseURL: url, lastSyncStarted: started?.milliseconds, lastSyncFinished: finished?.milliseconds,
            lastFullRead: full?.milliseconds, rows: Int(rows ?? 0), requests: Int(requests ?? 0))
    }

    static func bindings(_ record: SyncRecord) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 7)
        bindings.append(record.table)
        bindings.append(record.apiBaseURL)
        bindings.append(record.lastSyncStarted.map(PostgresInstant.init(milliseconds:)))
        bindings.append(record.lastSyncFinished.map(PostgresInstant.init(milliseconds:)))
        bindings.append(record.lastFullRead.map(PostgresInstant.init(milliseconds:)))
        bindings.append(Int64(record.rows))
        bindings.append(Int64(record.requests))
        return bindings
    }
}
