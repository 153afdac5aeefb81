/// A validating, byte-level JSON reader over a borrowed buffer.
///
/// Callers walk a document with `objectHasNextMember`/`arrayHasNextElement` and read only the
/// values they need; everything else goes through `skipValue`, which validates as strictly as
/// `readNode` (strings, escapes, UTF-8, numbers, nesting) without building anything.
/// Running out of bytes anywhere is `.truncated`.
struct JSONScanner {
    static let maximumDepth = 512

    let bytes: UnsafeRawBufferPointer
    private(set) var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Steps over a UTF-8 byte order mark at the start of a body (some servers send one).
    mutating func skipByteOrderMark() {
        if index == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    // MARK: Structure

    /// Goes back to an earlier position, to read a value a second time.
    mutating func rewind(to position: Int) {
        index = position
    }

    /// The first non-whitespace byte, without consuming it.
    @inline(__always)
    mutating func peek() throws(JSONError) -> UInt8 {
        // Every JSON whitespace byte is at most 0x20: compact bodies never leave this line.
        if index < bytes.count, bytes[index] > 0x20 { return bytes[index] }
        return try peekAfterWhitespace()
    }

    private mutating func peekAfterWhitespace() throws(JSONError) -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw JSONError(.truncated, at: index) }
        return bytes[index]
    }

    mutating func expectEnd() throws(JSONError) {
        skipWhitespace()
        if index < bytes.count { throw JSONError(.trailingContent, at: index) }
    }

    /// Consumes `{`; then call `objectHasNextMember` until it returns false.
    mutating func enterObject() throws(JSONError) {
        try consume(UInt8(ascii: "{"))
    }

    /// Consumes `[`; then call `arrayHasNextElement` until it returns false.
    mutating func enterArray() throws(JSONError) {
        try consume(UInt8(ascii: "["))
    }

    /// True when another member follows: the key is then read with `readKey`.
    mutating func objectHasNextMember(isFirst: inout Bool) throws(JSONError) -> Bool {
        try hasNext(closing: UInt8(ascii: "}"), isFirst: &isFirst)
    }

    mutating func arrayHasNextElement(isFirst: inout Bool) throws(JSONError) -> Bool {
        try hasNext(closing: UInt8(ascii: "]"), isFirst: &isFirst)
    }

    /// Reads a member's key and the `:` after it.
    mutating func readKey() throws(JSONError) -> JSONStringSlice {
        guard try peek() == UInt8(ascii: "\"") else { throw JSONError(.unexpectedByte(bytes[index]), at: index) }
        let key = try scanString()
        try consume(UInt8(ascii: ":"))
        return key
    }

    @inline(__always)
    private mutating func hasNext(closing: UInt8, isFirst: inout Bool) throws(JSONError) -> Bool {
        let byte = try peek()
        if byte == closing {
            index += 1
            return false
        }
        if isFirst {
            isFirst = false
            return true
        }
        guard byte == UInt8(ascii: ",") else { throw JSONError(.unexpectedByte(byte), at: index) }
        index += 1
        _ = try peek()  // a comma must be followed by something
        return true
    }

    @inline(__always)
    private mutating func consume(_ expected: UInt8) throws(JSONError) {
        let byte = try peek()
        guard byte == expected else { throw JSONError(.unexpectedByte(byte), at: index) }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    // MARK: Scalars

    /// Reads `true`, `false` or `null` (the byte at `peek()` decides which).
    mutating func readLiteral() throws(JSONError) -> JSONNode {
        switch try peek() {
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case let byte: throw JSONError(.unexpectedByte(byte), at: index)
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONError) {
        let start = index
        // Fast path: the first four bytes at once (every literal has four or five).
        if start &+ word.utf8CodeUnitCount <= bytes.count,
            bytes.loadUnaligned(fromByteOffset: start, as: UInt32.self) == UnsafeRawPointer(word.utf8Start).loadUnaligned(as: UInt32.self),
            word.utf8CodeUnitCount == 4 || bytes[start &+ 4] == word.utf8Start[4]
        {
            index = start &+ word.utf8CodeUnitCount
            return
        }
        for offset in 0..<word.utf8CodeUnitCount {
            guard start + offset < bytes.count else { throw JSONError(.truncated, at: bytes.count) }
            let byte = bytes[start + offset]
            guard byte == word.utf8Start[offset] else { throw JSONError(.unexpectedByte(byte), at: start + offset) }
        }
        index = start + word.utf8CodeUnitCount
    }

    /// Reads a number at `peek()`.
    mutating func readNumber() throws(JSONError) -> JSONNumber {
        _ = try peek()
        let start = index
        var isNegative = false
        if bytes[index] == UInt8(ascii: "-") {
            isNegative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var integerDigits = 0
        let integerStart = index
        index = scanDigits(from: index, into: &mantissa, significant: &significantDigits, digits: &integerDigits)
        guard integerDigits > 0 else { throw numberError(at: index) }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw JSONError(.invalidNumber, at: integerStart) }

        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            index = scanDigits(from: index, into: &mantissa, significant: &significantDigits, digits: &fractionDigits)
            guard fractionDigits > 0 else { throw numberError(at: index) }
        }

        var exponent = 0
        var hasExponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            hasExponent = true
            index += 1
            var exponentIsNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { throw numberError(at: index) }
            if exponentIsNegative { exponent = -exponent }
        }

        let isIntegerLiteral = fractionDigits == 0 && !hasExponent
        let scale = exponent - fractionDigits
        // Exact when the digits and the power of ten are both exactly representable (Clinger's fast path).
        if significantDigits <= 15, abs(scale) <= 22 {
            var value = Double(mantissa)
            if scale != 0 { value = scale < 0 ? value / powersOfTen[-scale] : value * powersOfTen[scale] }
            return JSONNumber(value: isNegative ? -value : value, isIntegerLiteral: isIntegerLiteral, start: start, end: index)
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        // Like Foundation, a number beyond Double's range is an error rather than infinity.
        guard let value = Double(text), value.isFinite else { throw JSONError(.invalidNumber, at: start) }
        return JSONNumber(value: value, isIntegerLiteral: isIntegerLiteral, start: start, end: index)
    }

    private func numberError(at position: Int) -> JSONError {
        JSONError(position >= bytes.count ? .truncated : .invalidNumber, at: position)
    }

    private func digitValue(_ byte: UInt8) -> UInt64? {
        byte &- UInt8(ascii: "0") < 10 ? UInt64(byte &- UInt8(ascii: "0")) : nil
    }

    /// Reads a run of digits from `start` into `mantissa` and returns the index after them, on a
    /// local index so the loop keeps it in a register.
    @inline(__always)
    private func scanDigits(from start: Int, into mantissa: inout UInt64, significant: inout Int, digits: inout Int) -> Int {
        let count = bytes.count
        var position = start
        while position < count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            accumulate(UInt64(digit), into: &mantissa, count: &significant)
            position &+= 1
        }
        digits &+= position &- start
        return position
    }

    /// Leading zeros are not significant; digits past 19 only matter to the slow path.
    @inline(__always)
    private func accumulate(_ digit: UInt64, into mantissa: inout UInt64, count: inout Int) {
        if mantissa == 0, digit == 0 { return }
        count &+= 1
        if count <= 19 { mantissa = mantissa &* 10 &+ digit }
    }

    // MARK: Strings

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

    // MARK: Whole values

    /// Validates and steps over one value of any kind.
    mutating func skipValue(depth: Int) throws(JSONError) {
        switch try peek() {
        case UInt8(ascii: "{"):
            try checkDepth(depth)
            try enterObject()
            var isFirst = true
            while try objectHasNextMember(isFirst: &isFirst) {
                _ = try readKey()
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            try checkDepth(depth)
            try enterArray()
            var isFirst = true
            while try arrayHasNextElement(isFirst: &isFirst) {
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber()
        default: _ = try readLiteral()
        }
    }

    /// Reads one value of any kind into a tree.
    mutating func readNode(depth: Int) throws(JSONError) -> JSONNode {
        switch try peek() {
        case UInt8(ascii: "{"):
            try checkDepth(depth)
            try enterObject()
            var members: [(key: String, value: JSONNode)] = []
            var isFirst = true
            while try objectHasNextMember(isFirst: &isFirst) {
                let key = string(try readKey())
                members.append((key, try readNode(depth: depth + 1)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            try checkDepth(depth)
            try enterArray()
            var elements: [JSONNode] = []
            var isFirst = true
            while try arrayHasNextElement(isFirst: &isFirst) {
                elements.append(try readNode(depth: depth + 1))
            }
            return .array(elements)
        case UInt8(ascii: "\""): return .string(string(try scanString()))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber().value)
        default: return try readLiteral()
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONError) {
        if depth >= Self.maximumDepth { throw JSONError(.tooDeep(limit: Self.maximumDepth), at: index) }
    }
}

/// Where a scanned string's contents lie in the buffer (between the quotes).
struct JSONStringSlice {
    let start: Int
    let end: Int
    let hasEscapes: Bool
}

/// A scanned number: its value and where its literal lies (for exact integer text).
struct JSONNumber {
    let value: Double
    let isIntegerLiteral: Bool
    let start: Int
    let end: Int
}

private let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}
