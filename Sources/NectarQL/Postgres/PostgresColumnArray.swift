import NectarCatalog
import PostgresNIO

/// One column of many rows as a PostgreSQL array in binary form, NULLs included, so a page binds
/// as one parameter per column (`INSERT … SELECT * FROM unnest($1::double precision[], …)`): the
/// statement's text is the same for every page and the server parses a handful of parameters
/// instead of thousands. (postgres-nio's own arrays take no NULL elements.)
struct PostgresColumnArray: PostgresDynamicTypeEncodable {
    let type: SQLType
    let values: [Value]

    var psqlType: PostgresDataType {
        switch type {
        case .float: .float8Array
        case .text: .textArray
        case .boolean: .boolArray
        case .timestamp: .timestamptzArray
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    private var elementType: PostgresDataType {
        switch type {
        case .float: .float8
        case .text: .text
        case .boolean: .bool
        case .timestamp: .timestamptz
        }
    }

    /// The array wire format: dimensions, a has-NULLs flag, the element type, the length and
    /// lower bound of the one dimension, then each element as its length (-1 for NULL) and bytes.
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(values.contains { !fits($0) } ? 1 : 0))
        buffer.writeInteger(elementType.rawValue)
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))
        for value in values {
            switch value {
            case .float(let d) where type == .float:
                buffer.writeInteger(Int32(8))
                buffer.writeInteger(d.bitPattern)
            case .text(let text) where type == .text:
                let lengthIndex = buffer.writerIndex
                buffer.writeInteger(Int32(0))
                let length = buffer.writeString(text)
                buffer.setInteger(Int32(length), at: lengthIndex)
            case .boolean(let flag) where type == .boolean:
                buffer.writeInteger(Int32(1))
                buffer.writeInteger(UInt8(flag ? 1 : 0))
            case .timestamp(let ms) where type == .timestamp:
                buffer.writeInteger(Int32(8))
                buffer.writeInteger((ms - PostgresInstant.epochOffsetMilliseconds) * 1000)
            default:
                // NULL, or a value not of the column's type (the flattener gives none): NULL.
                buffer.writeInteger(Int32(-1))
            }
        }
    }

    /// Whether the value is written as itself (else it is a NULL element).
    private func fits(_ value: Value) -> Bool {
        switch (value, type) {
        case (.float, .float), (.text, .text), (.boolean, .boolean), (.timestamp, .timestamp): true
        default: false
        }
    }
}
