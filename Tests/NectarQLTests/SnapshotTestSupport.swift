import Foundation
import NectarMock
import NectarQL
import NectarSnapshot

/// A snapshot file under the temporary directory, removed with its WAL companions.
struct SnapshotFile {
    let path = NSTemporaryDirectory() + "nectarql-snapshot-\(UUID().uuidString).sqlite"

    func remove() {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Rows of SQL run on the file by SQLite itself, as another tool would read it.
    func sqliteRows(_ sql: String) throws -> [[SQLiteValue]] {
        let connection = try SQLiteConnection(path: path, serialized: false)
        let statement = try connection.prepare(sql)
        try statement.bind([])
        var rows: [[SQLiteValue]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.value(at: $0) })
        }
        return rows
    }

    /// Runs `body` with a fresh file, removing it however `body` ends.
    static func with<T>(_ body: (SnapshotFile) async throws -> T) async throws -> T {
        let file = SnapshotFile()
        do {
            let value = try await body(file)
            file.remove()
            return value
        } catch {
            file.remove()
            throw error
        }
    }
}

extension MockSession {
    /// Syncs into `file` and returns the report by table, counting the server's requests from zero.
    @discardableResult
    func sync(_ file: SnapshotFile, _ options: SyncOptions = SyncOptions()) async throws -> [String: SyncTableReport] {
        server.resetStatistics()
        let reports = try await engine.sync(snapshotPath: file.path, options: options)
        return Dictionary(uniqueKeysWithValues: reports.map { ($0.table, $0) })
    }

    /// The column names and rows of `sql` read from the snapshot at `file`.
    func snapshotQuery(_ sql: String, from file: SnapshotFile) async throws -> (columns: [String], rows: [[Value]]) {
        try await snapshotQuery(sql, from: file.path)
    }

    /// The column names and rows of `sql` read from the snapshot at `location` (a file or a PostgreSQL URL).
    func snapshotQuery(_ sql: String, from location: String) async throws -> (columns: [String], rows: [[Value]]) {
        try await engine.useSnapshot(path: location)
        do {
            let result = try await query(sql)
            try await engine.useSnapshot(path: nil)
            return result
        } catch {
            try? await engine.useSnapshot(path: nil)
            throw error
        }
    }

    /// The rows of `sql` read from the snapshot at `file`, without a request.
    func snapshotRows(_ sql: String, from file: SnapshotFile) async throws -> [[Value]] {
        try await snapshotRows(sql, from: file.path)
    }

    /// The rows of `sql` read from the snapshot at `location` (a file or a PostgreSQL URL), without a request.
    func snapshotRows(_ sql: String, from location: String) async throws -> [[Value]] {
        try await engine.useSnapshot(path: location)
        do {
            let rows = try await rows(sql)
            try await engine.useSnapshot(path: nil)
            return rows
        } catch {
            try? await engine.useSnapshot(path: nil)
            throw error
        }
    }
}

/// The wall clock in seconds: a change the sync must see happens now, after the last sync started.
func nowSeconds() -> Int { Int(Date().timeIntervalSince1970) }
