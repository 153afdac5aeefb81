import NectarCatalog

/// Streams the rows of one snapshot query, a page at a time, decoded by its `SnapshotRowDecoder`,
/// with its compiled statement borrowed from the store's pool.
package final class SnapshotReader: @unchecked Sendable {
    private let statement: SQLiteStatement
    private let connection: SQLiteConnection
    private let sql: String
    private let pool: SQLiteStatementPool
    private let decoder: SnapshotRowDecoder
    private var done = false

    package init(_ query: SnapshotQuery, store: SnapshotStore) throws {
        pool = store.statements
        connection = store.connection
        sql = query.sql
        statement = try pool.take(query.sql)
        do {
            try statement.bind(query.bindings.map(\.sqlite))
        } catch {
            pool.giveBack(statement, for: sql)
            throw error
        }
        decoder = SnapshotRowDecoder(query)
    }

    deinit {
        pool.giveBack(statement, for: sql)
    }

    /// Up to `count` rows; an empty array once the query is exhausted.
    package func next(_ count: Int) throws -> [[Value]] {
        guard !done else { return [] }
        var rows: [[Value]] = []
        rows.reserveCapacity(count)
        // The scans of one query share the connection: each takes it for a page, not for a row.
        try connection.exclusively {
            while rows.count < count {
                guard try statement.step() else {
                    done = true
                    break
                }
                rows.append(decoder.row(of: statement))
            }
        }
        return rows
    }
}
