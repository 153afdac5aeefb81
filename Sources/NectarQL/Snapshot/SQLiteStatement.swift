import CSQLite

/// A prepared statement: values are bound to its `?` parameters, rows read by column index.
package final class SQLiteStatement: @unchecked Sendable {
    private let handle: OpaquePointer
    private let connection: SQLiteConnection

    init(_ handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Clears the previous bindings and run, then binds `values` to parameters 1…n.
    package func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    package func bind(_ value: SQLiteValue, at index: Int32) throws {
        let status: Int32
        switch value {
        case .null: status = sqlite3_bind_null(handle, index)
        case .integer(let n): status = sqlite3_bind_int64(handle, index, n)
        case .real(let d): status = sqlite3_bind_double(handle, index, d)
        case .text(let text):
            var text = text
            status = text.withUTF8 { bytes in
                // An empty buffer may have no address, which SQLite would bind as NULL.
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return nectarql_sqlite_bind_text(handle, index, "", 0) }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    nectarql_sqlite_bind_text(handle, index, $0, Int32(bytes.count))
                }
            }
        }
        guard status == SQLITE_OK else { throw connection.failure(status, doing: "binding a value") }
    }

    /// Ends the current run (releasing its read transaction); the bindings stay.
    package func reset() {
        sqlite3_reset(handle)
    }

    /// Advances to the next row: true when there is one, false when the statement is done.
    package func step() throws -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = connection.failure(status, doing: String(cString: sqlite3_sql(handle)))
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows, with these values.
    package func run(_ values: [SQLiteValue]) throws {
        try bind(values)
        while try step() {}
    }

    /// How many columns each row has.
    package var columnCount: Int32 { sqlite3_column_count(handle) }

    package func isNull(at column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    package func double(at column: Int32) -> Double { sqlite3_column_double(handle, column) }
    package func integer(at column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The column's text, read straight from SQLite's buffer.
    package func text(at column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Calls `body` with the column's UTF-8 bytes, without making a String.
    package func withBytes<R>(at column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let bytes = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return body(UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
    }

    package func value(at column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: .null
        case SQLITE_INTEGER: .integer(integer(at: column))
        case SQLITE_FLOAT: .real(double(at: column))
        default: .text(text(at: column))
        }
    }
}
