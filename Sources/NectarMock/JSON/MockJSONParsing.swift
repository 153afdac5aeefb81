extension MockJSON {
    /// Why a body is not JSON, and where.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let offset: Int
        public let reason: String
        public var description: String { "Invalid JSON at byte \(offset): \(reason)." }
    }

    /// Parses a JSON document, keeping object keys in order (for tests that compare bodies with the dataset).
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> MockJSON {
        var parser = Parser(bytes: bytes)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.error("trailing characters") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        func error(_ reason: String) -> ParseError { ParseError(offset: index, reason: reason) }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws(ParseError) -> MockJSON {
            skipSpace()
            guard index < bytes.count else { throw error("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func literal(_ word: String) throws(ParseError) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw error("expected \(word)")
            }
            index += expected.count
        }

        mutating func expect(_ byte: UInt8) throws(ParseError) {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { throw error("expected '\(Character(UnicodeScalar(byte)))'") }
            index += 1
        }

        /// True (and consumed) when the next byte closes the container.
        mutating func closes(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func object() throws(ParseError) -> MockJSON {
            index += 1
            var members: [Member] = []
            if closes(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key") }
                let key = try string()
                try expect(UInt8(ascii: ":"))
                members.append(Member(key, try value()))
            } while !closes(UInt8(ascii: "}")) && (try? expect(UInt8(ascii: ","))) != nil
            guard index <= bytes.count, bytes[index - 1] == UInt8(ascii: "}") else { throw error("unterminated object") }
            return .object(members)
        }

        mutating func array() throws(ParseError) -> MockJSON {
            index += 1
            var elements: [MockJSON] = []
            if closes(UInt8(ascii: "]")) { return .array(elements) }
            repeat {
                elements.append(try value())
            } while !closes(UInt8(ascii: "]")) && (try? expect(UInt8(ascii: ","))) != nil
            guard bytes[index - 1] == UInt8(ascii: "]") else { throw error("unterminated array") }
            return .array(elements)
        }

        mutating func string() throws(ParseError) -> String {
            index += 1
            var output: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: output, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw error("unterminated escape") }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "n"): output.append(0x0A)
                    case UInt8(ascii: "r"): output.append(0x0D)
                    case UInt8(ascii: "t"): output.append(0x09)
                    case UInt8(ascii: "b"): output.append(0x08)
                    case UInt8(ascii: "f"): output.append(0x0C)
                    case UInt8(ascii: "u"): output.append(contentsOf: Array(String(try unicodeEscape()).utf8))
                    default: output.append(escaped)
                    }
                default: output.append(byte)
                }
            }
            throw error("unterminated string")
        }

        /// `\uXXXX`, joining surrogate pairs.
        mutating func unicodeEscape() throws(ParseError) -> Character {
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                index += 2
                let low = try hex4()
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return Character(UnicodeScalar(UInt32(combined)) ?? "\u{FFFD}")
            }
            return Character(UnicodeScalar(UInt32(high)) ?? "\u{FFFD}")
        }

        mutating func hex4() throws(ParseError) -> Int {
            guard index + 4 <= bytes.count, let value = Int(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw error("bad \\u escape")
            }
            index += 4
            return value
        }

        mutating func number() throws(ParseError) -> MockJSON {
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
                index = start
                throw error("unexpected character")
            }
            return .number(number)
        }
    }
}
