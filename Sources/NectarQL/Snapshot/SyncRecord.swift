/// One table's row of `_nectarql_sync`: when it was last synced and read whole, what that
/// read, and from which API base URL (never the token).
package struct SyncRecord: Sendable, Hashable {
    package var table: String
    package var apiBaseURL: String
    /// Milliseconds since 1970, UTC.
    package var lastSyncStarted: Int64?
    package var lastSyncFinished: Int64?
    package var lastFullRead: Int64?
    package var rows: Int
    package var requests: Int

    package init(
        table: String, apiBaseURL: String, lastSyncStarted: Int64?, lastSyncFinished: Int64?, lastFullRead: Int64?, rows: Int,
        requests: Int
    ) {
        self.table = table
        self.apiBaseURL = apiBaseURL
        self.lastSyncStarted = lastSyncStarted
        self.lastSyncFinished = lastSyncFinished
        self.lastFullRead = lastFullRead
        self.rows = rows
        self.requests = requests
    }
}
