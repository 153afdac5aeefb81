import Synchronization

/// Extra connections to the file for reading a table in parallel (`SplitTableRead`), kept
/// between queries: each is used by one thread at a time, so none takes SQLite's mutex per call.
final class ReadConnectionPool: Sendable {
    private let path: String
    private let idle = Mutex<[SQLiteConnection]>([])
    /// Idle connections kept: one per reading thread of a split read.
    private let keep: Int

    init(path: String, keep: Int) {
        self.path = path
        self.keep = keep
    }

    /// An idle connection, or a newly opened one that reads through a memory map as the store's does.
    func take() throws -> SQLiteConnection {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        let connection = try SQLiteConnection(path: path, serialized: false)
        try connection.execute("PRAGMA mmap_size = \(SnapshotStore.readMapBytes)")
        // A range read seeks through the table's interior pages instead of walking them all, so
        // a damaged page could send it past rows without an error: check each page's cells.
        try connection.execute("PRAGMA cell_size_check = ON")
        return connection
    }

    /// Connections waiting to be taken.
    var idleCount: Int { idle.withLock { $0.count } }

    /// Takes back a connection with no statement open, ending its read transaction if it has one,
    /// so an idle connection never pins an old sync; closes it when enough are idle.
    func giveBack(_ connection: SQLiteConnection) {
        if connection.isInTransaction { try? connection.execute("COMMIT") }
        idle.withLock { idle in
            if idle.count < keep { idle.append(connection) }
        }
    }
}
