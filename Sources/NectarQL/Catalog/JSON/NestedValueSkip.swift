/// How far a skip through a nested object or array has got: its depth, and whether it stands
/// inside a string, perhaps just after a backslash.
///
/// A block of 16 bytes is settled from its structural masks without a branch per byte: a
/// running parity of the quotes tells which bytes lie inside strings, so which brackets count.
/// A block holding a backslash, or starting just after one, goes byte by byte: what a backslash
/// escapes depends on the backslashes before it, and the API's text rarely holds any.
struct NestedValueSkip {
    private var depth = 0
    private var inString = false
    private var escaping = false

    /// Steps over the block at `offset`; returns just past the bracket that closes the value
    /// when the block holds it.
    @inline(__always)
    mutating func block(of bytes: UnsafeRawBufferPointer, at offset: Int) throws(JSONError) -> Int? {
        let masks = StructuralMasks.of(bytes, at: offset)
        guard masks.backslashes == 0, !escaping else {
            return try self.bytes(of: bytes, from: offset, to: offset &+ StructuralMasks.width)
        }
        // Bit i: an odd number of quotes at or before byte i, flipped when the block starts
        // inside a string. An opening quote is inside its string, a closing one is not.
        var inside = masks.quotes
        inside ^= inside &<< 1
        inside ^= inside &<< 2
        inside ^= inside &<< 4
        inside ^= inside &<< 8
        if inString { inside = ~inside }
        inside &= 0xFFFF
        let opens = masks.opens & ~inside, closes = masks.closes & ~inside
        inString = inside &>> 15 != 0
        guard opens | closes != 0 else { return nil }
        let openCount = opens.nonzeroBitCount, closeCount = closes.nonzeroBitCount
        // Even if every closing bracket came first, the value would stay open and not too deep.
        if closeCount < depth, depth &+ openCount < JSONScanner.maximumDepth {
            depth &+= openCount &- closeCount
            return nil
        }
        return try brackets(opens: opens, closes: closes, at: offset)
    }

    /// The block's brackets in order, for a block that may close the value or nest too deep.
    private mutating func brackets(opens: UInt32, closes: UInt32, at offset: Int) throws(JSONError) -> Int? {
        var remaining = opens | closes
        while remaining != 0 {
            let bit = remaining.trailingZeroBitCount
            if opens & (1 &<< bit) != 0 {
                depth += 1
                if depth >= JSONScanner.maximumDepth {
                    throw JSONError(.tooDeep(limit: JSONScanner.maximumDepth), at: offset + bit)
                }
            } else {
                depth -= 1
                if depth == 0 { return offset + bit + 1 }
            }
            remaining &= remaining &- 1
        }
        return nil
    }

    /// Steps over `bytes[start..<end]` one at a time; returns just past the bracket that closes
    /// the value when it is among them.
    mutating func bytes(of bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) throws(JSONError) -> Int? {
        for position in start..<end {
            let byte = bytes[position]
            if inString {
                if escaping {
                    escaping = false
                } else if byte == UInt8(ascii: "\\") {
                    escaping = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth >= JSONScanner.maximumDepth { throw JSONError(.tooDeep(limit: JSONScanner.maximumDepth), at: position) }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return position + 1 }
            default:
                break
            }
        }
        return nil
    }
}
