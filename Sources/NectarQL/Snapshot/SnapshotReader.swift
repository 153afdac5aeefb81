import NectarCatalog

/// Streams the rows of one snapshot query, a page at a time, decoded into the table's values:
/// REAL → float, TEXT → text, INTEGER 0/1 → boolean, TEXT timestamps → instants, each in the
/// slot the query's row layout gives it. Columns a full-width row carries but the projection
/// left out stay NULL, as they would from the API.
///
/// This is the snapshot's inner loop (a group-by over every record runs it once per row), so it
/// reads each selected column straight into its slot by a precomputed kind, without building
/// intermediate values, and borrows its compiled statement from the store's pool.
package final class SnapshotReader: @unchecked Sendable {
    private enum Kind {
        case float, text, boolean, timestamp

        init(_ type: SQLType) {
            switch type {
            case .float: self = .float
            case .text: self = .text
            case .boolean: self = .boolean
            case .timestamp: self = .timestamp
            }
        }
    }

    private let statement: SQLiteStatement
    private let connection: SQLiteConnection
    private let sql: String
    private let pool: SQLiteStatementPool
    /// Per selected column, in SELECT order: the row slot it fills and how it is read.
    private let targets: [Int]
    private let kinds: [Kind]
    /// Values per row: columns the row carries but the query did not select stay NULL.
    private let width: Int
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
        targets = query.slots.map(\.slot)
        kinds = query.slots.map { Kind($0.type) }
        width = query.width
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
                rows.append(row())
            }
        }
        return rows
    }

    /// The row is built in place: NULLs written straight into new storage, then the selected
    /// columns over them (copying a prepared row of NULLs instead costs a generic copy per slot).
    private func row() -> [Value] {
        [Value](unsafeUninitializedCapacity: width) { row, initialized in
            row.initialize(repeating: .null)
            initialized = width
            for column in kinds.indices {
                let index = Int32(column)
                guard !statement.isNull(at: index) else { continue }
                let slot = targets[column]
                switch kinds[column] {
                case .float: row[slot] = .float(statement.double(at: index))
                case .text: row[slot] = .text(statement.text(at: index))
                case .boolean: row[slot] = .boolean(statement.integer(at: index) != 0)
                case .timestamp:
                    if let ms = statement.withBytes(at: index, SnapshotTimestamp.milliseconds) { row[slot] = .timestamp(ms) }
                }
            }
        }
    }
}
