import NectarCatalog

/// Streams the rows of one snapshot query, a page at a time, decoded into the table's values:
/// REAL → float, TEXT → text, INTEGER 0/1 → boolean, TEXT timestamps → instants. Columns left
/// out by the projection stay NULL, as they would from the API.
package final class SnapshotReader: @unchecked Sendable {
    private let statement: SQLiteStatement
    private let slots: [(slot: Int, type: SQLType)]
    private let width: Int
    private var done = false

    package init(_ query: SnapshotQuery, width: Int, store: SnapshotStore) throws {
        statement = try store.connection.prepare(query.sql)
        try statement.bind(query.bindings.map(\.sqlite))
        slots = query.slots
        self.width = width
    }

    /// Up to `count` rows; an empty array once the query is exhausted.
    package func next(_ count: Int) throws -> [[Value]] {
        guard !done else { return [] }
        var rows: [[Value]] = []
        rows.reserveCapacity(count)
        while rows.count < count {
            guard try statement.step() else {
                done = true
                break
            }
            rows.append(row())
        }
        return rows
    }

    private func row() -> [Value] {
        var row = [Value](repeating: .null, count: width)
        for (index, target) in slots.enumerated() {
            let column = Int32(index)
            guard !statement.isNull(at: column) else { continue }
            switch target.type {
            case .float: row[target.slot] = .float(statement.double(at: column))
            case .text: row[target.slot] = .text(statement.text(at: column))
            case .boolean: row[target.slot] = .boolean(statement.integer(at: column) != 0)
            case .timestamp:
                if let ms = statement.withBytes(at: column, SnapshotTimestamp.milliseconds) { row[target.slot] = .timestamp(ms) }
            }
        }
        return row
    }
}
