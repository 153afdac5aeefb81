/// What a sync did to one table, for the summary on stderr.
public struct SyncTableReport: Sendable, Hashable {
    public let table: String
    /// The table's rows after the sync.
    public let rows: Int
    /// Requests its records took (a child table's are its parent's, reported there).
    public let requests: Int
    public let seconds: Double
    /// Read whole (first sync, `--full`, reconciliation, or a table without the updated-date filter).
    public let fullRead: Bool
    /// The parent whose records a child table's rows come from.
    public let readWith: String?
}

/// Progress of one table group during a sync, for the progress line.
public struct SyncProgress: Sendable {
    public let table: String
    public let records: Int
    public let requests: Int
}

/// What a sync is asked to do.
public struct SyncOptions: Sendable {
    /// Tables to sync (children bring their parent); nil for all.
    public var tables: [String]?
    /// Read every table whole, whatever its bookkeeping says.
    public var full = false
    /// A table refreshed incrementally is read whole when its last full read is older than this
    /// (deletions are invisible in a delta).
    public var reconcileAfterMilliseconds: Int64 = 24 * 3_600_000

    public init(tables: [String]? = nil, full: Bool = false) {
        self.tables = tables
        self.full = full
    }
}
