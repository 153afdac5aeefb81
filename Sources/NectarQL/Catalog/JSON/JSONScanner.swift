/// A validating, byte-level JSON reader over a borrowed buffer.
///
/// Callers walk a document with `objectHasNextMember`/`arrayHasNextElement` and read only the
/// values they need. `skipValue` validates what it steps over as strictly as `readNode`
/// (strings, escapes, UTF-8, numbers, nesting) without building anything; `skipUnreadValue`
/// only finds where a value ends, for the many a flattener does not read.
/// Running out of bytes anywhere is `.truncated`.
struct JSONScanner {
    static let maximumDepth = 512

    let bytes: UnsafeRawBufferPointer
    /// The next byte to read. Only the scanner's own methods (here and in its extensions) move
    /// it; readers go back with `rewind(to:)`.
    var index = 0

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
    @inline(__always)
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

    /// Reads a member's key and the `:` after it when the key is byte for byte `earlier`, a key
    /// without escapes read before from this body; false, with nothing consumed, when it is not.
    /// Those bytes were validated when first read and hold no quote, so when the quote that
    /// closed `earlier` matches too, it closes this key: a match needs no scan of its own.
    @inline(__always)
    mutating func readKey(ifSameAs earlier: JSONStringSlice) throws(JSONError) -> Bool {
        guard try peek() == UInt8(ascii: "\""),
            Self.equalBytes(bytes, at: index + 1, and: earlier.start, count: earlier.end - earlier.start + 1)
        else { return false }
        index += earlier.end - earlier.start + 2
        try consume(UInt8(ascii: ":"))
        return true
    }

    /// Whether the `count` bytes at `later` equal those at `earlier` (`earlier + count` within
    /// the body), a word at a time: keys are short, so the last word overlaps the one before it
    /// rather than finishing byte by byte.
    @inline(__always)
    private static func equalBytes(_ bytes: UnsafeRawBufferPointer, at later: Int, and earlier: Int, count: Int) -> Bool {
        guard later &+ count <= bytes.count else { return false }
        if count < 8 {
            guard later &+ 8 <= bytes.count else {
                return (0..<count).allSatisfy { bytes[later &+ $0] == bytes[earlier &+ $0] }
            }
            let difference = bytes.loadUnaligned(fromByteOffset: later, as: UInt64.self)
                ^ bytes.loadUnaligned(fromByteOffset: earlier, as: UInt64.self)
            // Only the first `count` bytes, which sit in the low bits of a little-endian load.
            return UInt64(littleEndian: difference) &<< (64 &- 8 &* count) == 0
        }
        var offset = 0
        while true {
            let a = bytes.loadUnaligned(fromByteOffset: later &+ offset, as: UInt64.self)
            let b = bytes.loadUnaligned(fromByteOffset: earlier &+ offset, as: UInt64.self)
            if a != b { return false }
            if offset &+ 8 == count { return true }
            offset = min(offset &+ 8, count &- 8)
        }
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

    // MARK: Literals

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
