import NectarCatalog
import NectarSnapshot
import PostgresNIO

/// Values crossing to PostgreSQL, always as bound parameters: the engine's values into their
/// column types when a sync writes, query values when a scan reads, and rows back into the
/// engine's values.
enum PostgresValues {
    /// Appends a table value in its column's type (NULL lets the server take the column's type).
    static func append(_ value: Value, to bindings: inout PostgresBindings) {
        switch value {
        case .null: bindings.appendNull()
        case .float(let d): bindings.append(d)
        case .text(let text): bindings.append(text)
        case .boolean(let flag): bindings.append(flag)
        case .timestamp(let ms): bindings.append(PostgresInstant(milliseconds: ms))
        }
    }

    /// A scan's bound values, in order.
    static func bindings(_ values: [SnapshotValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let n): bindings.append(n)
            case .real(let d): bindings.append(d)
            case .text(let text): bindings.append(text)
            case .timestamp(let ms): bindings.append(PostgresInstant(milliseconds: ms))
            }
        }
        return bindings
    }

    /// One result row of the query's width: each selected column decoded into its slot, the
    /// columns the projection left out NULL (as the API leaves them).
    static func row(_ row: PostgresRow, slots: [(slot: Int, type: SQLType)], width: Int) throws -> [Value] {
        var values = [Value](repeating: .null, count: width)
        for (cell, target) in zip(row, slots) where cell.bytes != nil {
            switch target.type {
            case .float: values[target.slot] = .float(try cell.decode(Double.self))
            case .text: values[target.slot] = .text(try cell.decode(String.self))
            case .boolean: values[target.slot] = .boolean(try cell.decode(Bool.self))
            case .timestamp: values[target.slot] = .timestamp(try cell.decode(PostgresInstant.self).milliseconds)
            }
        }
        return values
    }
}
