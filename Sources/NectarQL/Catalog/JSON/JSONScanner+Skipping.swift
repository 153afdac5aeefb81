/// Stepping over values nobody reads, at byte level: only what delimits a value is looked at
/// (quotes, the backslashes that can hide a quote, brackets), so a record's unread columns cost
/// a scan for a few bytes instead of a parse. Their content is not validated; a body that ends
/// inside one is still `.truncated`.
extension JSONScanner {
    /// Moves past the value at `peek()`.
    @inline(__always)
    mutating func skipUnreadValue() throws(JSONError) {
        switch try peek() {
        case UInt8(ascii: "\""): index = try stringEnd(openingAt: index)
        case UInt8(ascii: "{"), UInt8(ascii: "["): try skipNested()
        default: try skipScalar()
        }
    }

    /// An object or array: brackets counted outside strings until the one that closes it.
    /// Sixteen bytes at a time (see `NestedValueSkip`); the last few one at a time.
    private mutating func skipNested() throws(JSONError) {
        var skip = NestedValueSkip()
        var position = index
        let count = bytes.count
        while position &+ StructuralMasks.width <= count {
            if let end = try skip.block(of: bytes, at: position) {
                index = end
                return
            }
            position &+= StructuralMasks.width
        }
        if let end = try skip.bytes(of: bytes, from: position, to: count) {
            index = end
            return
        }
        throw JSONError(.truncated, at: count)
    }

    /// A number or literal: runs until the comma, bracket or blank after it.
    @inline(__always)
    private mutating func skipScalar() throws(JSONError) {
        var position = index
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0...0x20:
                guard position > index else { throw JSONError(.unexpectedByte(bytes[position]), at: position) }
                index = position
                return
            default:
                position += 1
            }
        }
        throw JSONError(.truncated, at: bytes.count)
    }

    /// Just past the quote closing the string whose opening quote is at `start`.
    @inline(__always)  // per string of a skipped value, a call cost more than the scan
    private func stringEnd(openingAt start: Int) throws(JSONError) -> Int {
        var position = start + 1
        let count = bytes.count
        while true {
            position = quoteOrBackslash(from: position)
            guard position < count else { throw JSONError(.truncated, at: count) }
            if bytes[position] == UInt8(ascii: "\"") { return position + 1 }
            position += 2  // a backslash and the byte it escapes
        }
    }

    /// The first quote or backslash at or after `start` (or the end), eight bytes at a time.
    @inline(__always)
    private func quoteOrBackslash(from start: Int) -> Int {
        let count = bytes.count
        var position = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        while position &+ 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let found = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & 0x8080_8080_8080_8080
            if found != 0 { return position &+ (found.trailingZeroBitCount &>> 3) }
            position &+= 8
        }
        while position < count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") { position &+= 1 }
        return position
    }
}
