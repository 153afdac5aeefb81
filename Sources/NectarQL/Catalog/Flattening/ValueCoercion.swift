/// Turns a JSON scalar into a cell of a column's type; nil means "cannot be coerced"
/// (the flattener stores NULL and counts a failure).
///
/// The API is loose about types, so: numbers may arrive as strings (`"12.5"`, `" 3 "`),
/// booleans as `"true"`/`"false"` or `0`/`1`, timestamps as ISO text or epoch milliseconds.
/// An empty string in a non-text column means "no value" (NULL, not a failure).
enum ValueCoercion {
    static func fromString(_ bytes: UnsafeRawBufferPointer, as type: SQLType, text: () -> String) -> Value? {
        let trimmed = trimmingSpaces(bytes)
        switch type {
        case .text: return .text(text())
        case _ where trimmed.isEmpty: return .null
        case .float: return parseNumber(trimmed).map(Value.float)
        case .boolean: return parseBoolean(trimmed).map(Value.boolean)
        case .timestamp: return TimestampParser.parse(trimmed).map(Value.timestamp)
        }
    }

    /// `literalText` is the number as written, used for text columns when it is an integer
    /// literal (so a 20-digit code keeps every digit).
    static func fromNumber(_ value: Double, isIntegerLiteral: Bool, as type: SQLType, literalText: () -> String) -> Value? {
        switch type {
        case .float: return .float(value)
        case .text: return .text(isIntegerLiteral ? literalText() : NumberText.render(value))
        case .boolean:
            if value == 0 { return .boolean(false) }
            if value == 1 { return .boolean(true) }
            return nil
        case .timestamp:
            guard value == value.rounded(.towardZero), abs(value) < 9.2e18 else { return nil }
            return .timestamp(Int64(value))
        }
    }

    static func fromBool(_ value: Bool, as type: SQLType) -> Value? {
        switch type {
        case .boolean: .boolean(value)
        case .text: .text(value ? "true" : "false")
        case .float, .timestamp: nil
        }
    }

    /// A JSON number, nothing else (no `nan`, `inf`, hex or thousands separators), except for
    /// leading zeros: JSON forbids them, but codes kept as strings have them, such as the CNPJ
    /// `"02954382000118"` that the seed types as float.
    private static func parseNumber(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let signLength = bytes.first == UInt8(ascii: "-") ? 1 : 0
        var digits = signLength
        while digits + 1 < bytes.count, bytes[digits] == UInt8(ascii: "0"), isDigit(bytes[digits + 1]) { digits += 1 }
        guard digits > signLength else { return parseJSONNumber(bytes) }
        let canonical = Array(bytes[0..<signLength]) + Array(bytes[digits...])
        return canonical.withUnsafeBytes(parseJSONNumber)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (byte &- UInt8(ascii: "0")) < 10 }

    private static func parseJSONNumber(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var scanner = JSONScanner(bytes)
        guard let byte = try? scanner.peek(), byte == UInt8(ascii: "-") || (byte &- UInt8(ascii: "0")) < 10,
              let number = try? scanner.readNumber(), (try? scanner.expectEnd()) != nil, number.value.isFinite
        else { return nil }
        return number.value
    }

    private static func parseBoolean(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        switch bytes.count {
        case 1:
            if bytes[0] == UInt8(ascii: "1") { return true }
            if bytes[0] == UInt8(ascii: "0") { return false }
            return nil
        case 4: return matches(bytes, "true") ? true : nil
        case 5: return matches(bytes, "false") ? false : nil
        default: return nil
        }
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        for index in 0..<bytes.count where bytes[index] | 0x20 != word.utf8Start[index] {
            return false
        }
        return true
    }

    private static func trimmingSpaces(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
