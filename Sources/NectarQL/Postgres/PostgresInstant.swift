import PostgresNIO

/// A timestamp as PostgreSQL's timestamptz holds it: microseconds since 2000-01-01 UTC, written
/// and read as that integer so that milliseconds go in and come back exactly (Foundation's `Date`
/// goes through a Double and truncates).
struct PostgresInstant: PostgresNonThrowingEncodable, PostgresDecodable, Sendable {
    /// 2000-01-01T00:00:00Z in milliseconds since 1970.
    static let epochOffsetMilliseconds: Int64 = 946_684_800_000

    /// Milliseconds since 1970, UTC.
    let milliseconds: Int64

    init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger((milliseconds - Self.epochOffsetMilliseconds) * 1000)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard format == .binary, type == .timestamptz || type == .timestamp, let microseconds = buffer.readInteger(as: Int64.self)
        else { throw PostgresDecodingError.Code.typeMismatch }
        // Floor division: instants before 2000 are negative.
        let (quotient, remainder) = microseconds.quotientAndRemainder(dividingBy: 1000)
        milliseconds = (remainder < 0 ? quotient - 1 : quotient) + Self.epochOffsetMilliseconds
    }
}
