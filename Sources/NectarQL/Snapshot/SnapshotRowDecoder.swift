import NectarCatalog

/// How a snapshot query's selected columns become a row of the table's values: REAL → float,
/// TEXT → text, INTEGER 0/1 → boolean, TEXT timestamps → instants, each in the slot the query's
/// row layout gives it. Columns a full-width row carries but the projection left out stay NULL,
/// as they would from the API.
///
/// This is the snapshot's inner loop (a group-by over every record runs it once per row), so it
/// reads each selected column straight into its slot by a precomputed kind, without building
/// intermediate values.
struct SnapshotRowDecoder: Sendable {
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

    /// Per selected column, in SELECT order: the row slot it fills and how it is read.
    private let targets: [Int]
    private let kinds: [Kind]
    /// Values per row: columns the row carries but the query did not select stay NULL.
    private let width: Int

    init(_ query: SnapshotQuery) {
        targets = query.slots.map(\.slot)
        kinds = query.slots.map { Kind($0.type) }
        width = query.width
    }

    /// The statement's current row: NULLs, then the selected columns written over them in place.
    func row(of statement: SQLiteStatement) -> [Value] {
        var row = [Value](repeating: .null, count: width)
        row.withUnsafeMutableBufferPointer { row in
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
        return row
    }
}
