/// Strings: found and validated without copying, decoded only when a value is wanted.
extension JSONScanner {
    /// Scans a string at `peek()` (which must be `"`), validating escapes and UTF-8.
    mutating func scanString() throws(JSONError) -> JSONStringSlice {
        _ = try peek()
        index += 1
        let start = index
        var hasEscapes = false
        while true {
            index = plainTextEnd(from: index)
            guard index < bytes.count else { throw JSONError(.truncated, at: index) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let slice = JSONStringSlice(start: start, end: index, hasEscapes: hasEscapes)
                index += 1
                return slice
            case UInt8(ascii: "\\"):
                hasEscapes = true
                _ = try decodeEscape(at: &index)
            case 0..<0x20:
                throw JSONError(.controlCharacterInString, at: index)
            case 0x80...:
                index = try validateUTF8Sequence(at: index)
            default:
                index += 1
            }
        }
    }

    /// Where plain printable ASCII (the bulk of every string) starting at `position` ends: the
    /// first quote, backslash, control or non-ASCII byte, or the end of the body. Eight bytes at a
    /// time, on a local index so the loop keeps it in a register.
    @inline(__always)
    private func plainTextEnd(from start: Int) -> Int {
        let count = bytes.count
        var position = start
        while position &+ 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let special = Self.specialStringBytes(word)
            if special != 0 { return position &+ (special.trailingZeroBitCount &>> 3) }
            position &+= 8
        }
        while position < count {
            let byte = bytes[position]
            if byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return position }
            position &+= 1
        }
        return position
    }

    /// The high bit of each of the eight bytes (the first in the lowest bits) that ends plain
    /// string text: a control byte, a non-ASCII byte, a quote or a backslash. A borrow can only
    /// mark bytes after a marked one, so the lowest set bit is exact: it finds the first such byte.
    @inline(__always)
    private static func specialStringBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        return (word | belowSpace | hasQuote | hasBackslash) & highBits
    }

    /// Decodes the escape at `position` (a backslash) and moves past it.
    /// Returns the Unicode scalar it stands for; a surrogate pair counts as one escape.
    private func decodeEscape(at position: inout Int) throws(JSONError) -> Unicode.Scalar {
        let start = position
        guard position + 1 < bytes.count else { throw JSONError(.truncated, at: bytes.count) }
        let kind = bytes[position + 1]
        position += 2
        switch kind {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexQuad(at: &position)
            if (0xDC00...0xDFFF).contains(unit) { throw JSONError(.invalidUnicodeEscape, at: start) }
            if (0xD800...0xDBFF).contains(unit) {
                guard position + 1 < bytes.count else { throw JSONError(.truncated, at: bytes.count) }
                guard bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw JSONError(.invalidUnicodeEscape, at: start)
                }
                position += 2
                let low = try hexQuad(at: &position)
                guard (0xDC00...0xDFFF).contains(low) else { throw JSONError(.invalidUnicodeEscape, at: start) }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                return Unicode.Scalar(value)!
            }
            return Unicode.Scalar(UInt32(unit))!
        default:
            throw JSONError(.invalidEscape, at: start)
        }
    }

    private func hexQuad(at position: inout Int) throws(JSONError) -> UInt16 {
        guard position + 4 <= bytes.count else { throw JSONError(.truncated, at: bytes.count) }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONError(.invalidUnicodeEscape, at: position + offset)
            }
            value = value << 4 | UInt16(digit)
        }
        position += 4
        return value
    }

    /// Checks one multi-byte UTF-8 sequence (no overlongs, no surrogates, at most U+10FFFF)
    /// and returns the index after it.
    private func validateUTF8Sequence(at position: Int) throws(JSONError) -> Int {
        let lead = bytes[position]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default: throw JSONError(.invalidUTF8, at: position)
        }
        for offset in 1..<length {
            guard position + offset < bytes.count else { throw JSONError(.truncated, at: bytes.count) }
            let byte = bytes[position + offset]
            let range = offset == 1 ? lowerBound...upperBound : 0x80...0xBF
            guard range.contains(byte) else { throw JSONError(.invalidUTF8, at: position + offset) }
        }
        return position + length
    }

    /// The string's text, escapes decoded.
    func string(_ slice: JSONStringSlice) -> String {
        withBytes(of: slice) { String(decoding: $0, as: UTF8.self) }
    }

    /// The string's UTF-8 bytes with escapes decoded (the slice was validated when scanned).
    func decodedBytes(_ slice: JSONStringSlice) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(slice.end - slice.start)
        var position = slice.start
        while position < slice.end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\"), let scalar = try? decodeEscape(at: &position) {
                out.append(contentsOf: UTF8.encode(scalar)!)
            } else {
                out.append(byte)
                position += 1
            }
        }
        return out
    }

    /// Calls `body` with the string's bytes (escapes decoded), without copying when there are none.
    func withBytes<R>(of slice: JSONStringSlice, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard slice.hasEscapes else { return body(UnsafeRawBufferPointer(rebasing: bytes[slice.start..<slice.end])) }
        return decodedBytes(slice).withUnsafeBytes(body)
    }
}

/// Where a scanned string's contents lie in the buffer (between the quotes).
struct JSONStringSlice {
    let start: Int
    let end: Int
    let hasEscapes: Bool
}
