import CSQLite
import Foundation

/// One connection to a SQLite file, used by one task at a time (callers serialise access).
/// Every statement is prepared and values are bound as parameters: no SQL text holds a value.
package final class SQLiteConnection: @unchecked Sendable {
    let handle: OpaquePointer
    let path: String

    /// Opens an existing file (the store creates it first, with its permissions). `serialized`
    /// lets several tasks use the connection at once (a query's scans); a sync's writer serialises
    /// its own access instead.
    package init(path: String, serialized: Bool) throws {
        let flags = SQLITE_OPEN_READWRITE | (serialized ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX)
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw SnapshotError("cannot open the snapshot '\(path)': \(message)")
        }
        self.handle = handle
        self.path = path
        // A sync holds the write lock for its whole run; a second writer waits a while, then says so.
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs `body` holding the connection's own mutex. SQLite takes it on every call of a
    /// serialized connection; readers that step their statements row by row in turns would hand
    /// it back and forth (a thread switch per row), while one holding it for a page of rows takes
    /// it once. It is recursive, so the calls inside re-enter it at no cost.
    package func exclusively<R>(_ body: () throws -> R) rethrows -> R {
        let mutex = sqlite3_db_mutex(handle)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        return try body()
    }

    /// Whether a transaction is open. SQLite ends one by itself after some errors (a full disk):
    /// writes after that would each commit on their own.
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs SQL text that takes no values (DDL, pragmas, BEGIN/COMMIT).
    package func execute(_ sql: String) throws {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw failure(status, doing: sql) }
    }

    package func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status, doing: sql) }
        return SQLiteStatement(statement, connection: self)
    }

    /// The first column of the first row of a query, as text (pragmas, counts).
    package func scalar(_ sql: String, _ values: [SQLiteValue] = []) throws -> SQLiteValue {
        let statement = try prepare(sql)
        try statement.bind(values)
        guard try statement.step() else { return .null }
        return statement.value(at: 0)
    }

    /// The write errors that mean "no room": a full disk, an exhausted quota, a file size limit.
    private static let outOfSpaceErrors: Set<Int32> = [ENOSPC, EDQUOT, EFBIG]

    /// Nothing of the run was committed (SQLite rolls the transaction back, or the sync does).
    private static func storageFull(_ path: String, _ message: String) -> SnapshotError {
        SnapshotError(
            "no room to write the snapshot '\(path)' (\(message)); the previous snapshot is intact and queryable. "
                + "Free some space on its disk (or sync into another file with --snapshot PATH) and run the sync again",
            kind: .storageFull)
    }

    /// Explains a failing status in words, with the file and, for a file that is not SQLite, what to do.
    func failure(_ status: Int32, doing what: String) -> SnapshotError {
        let message = String(cString: sqlite3_errmsg(handle))
        switch status & 0xff {
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            return .unreadable(path, message)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return SnapshotError("the snapshot '\(path)' is locked by another sync (\(message)); try again when it has finished")
        case SQLITE_FULL:
            return Self.storageFull(path, message)
        case SQLITE_IOERR where Self.outOfSpaceErrors.contains(sqlite3_system_errno(handle)):
            // A quota or a file size limit reaches SQLite as a failed write, not as SQLITE_FULL.
            return Self.storageFull(path, message + ": " + String(cString: strerror(sqlite3_system_errno(handle))))
        case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM:
            return SnapshotError("cannot write the snapshot '\(path)' (\(message)); check its directory and permissions")
        default:
            let statement = what.count > 120 ? String(what.prefix(120)) + "…" : what
            return SnapshotError("SQLite failed on the snapshot '\(path)': \(message) (while running: \(statement))")
        }
    }
}

/// A value as SQLite stores it.
package enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    package var text: String? {
        switch self {
        case .text(let text): text
        case .integer(let n): String(n)
        case .real(let d): String(d)
        case .null: nil
        }
    }

    package var integer: Int64? {
        switch self {
        case .integer(let n): n
        case .real(let d): Int64(exactly: d.rounded())
        case .text(let t): Int64(t)
        case .null: nil
        }
    }
}
