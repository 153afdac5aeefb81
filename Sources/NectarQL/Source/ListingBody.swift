#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A glance at a listing page's raw body, before it is decoded: does it hold a full page?
///
/// A listing ends at its first short page, so the next page is worth requesting as soon as this
/// one is known to be full. Counting the top-level elements of the JSON array is a plain byte
/// scan, far cheaper than decoding the records, so the window can slide while the page decodes.
enum ListingBody {
    /// True when `body` is a JSON array with at least `count` elements. Anything else (an
    /// object, a short array, `count` below 1) is false: the caller then learns the page's size
    /// from decoding it, as it would without the glance. The elements are not validated, so a
    /// body cut short after `count` separators passes; decoding it fails and the page is retried.
    static func holdsAtLeast(_ count: Int, elementsIn body: [UInt8]) -> Bool {
        guard count >= 1 else { return false }
        return body.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return false }
            index += 1
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return false }
            if count == 1 { return true }
            return countsSeparators(reaching: count - 1, in: bytes, from: index)
        }
    }

    /// Whether the commas between top-level elements reach `separators`, skipping the contents
    /// of strings (which may hold commas, brackets and escaped quotes) and of nested values.
    private static func countsSeparators(reaching separators: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var depth = 0
        var seen = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            // Most bytes outside strings are digits, letters and ':'; one table lookup passes them.
            if !isStructural[Int(byte)] {
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                index = endOfString(in: bytes, openingAt: index)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return false }
                depth -= 1
            default:  // ","
                if depth == 0 {
                    seen += 1
                    if seen >= separators { return true }
                }
            }
            index += 1
        }
        return false
    }

    private static let isStructural: [Bool] = (0...255).map { byte in
        Array(#""[]{},"#.utf8).contains(UInt8(byte))
    }

    /// The index of the quote closing the string that opens at `start` (or the end of the body).
    /// It jumps from quote to quote with `memchr`; a quote after an odd run of backslashes is
    /// escaped and the search goes on.
    private static func endOfString(in bytes: UnsafeBufferPointer<UInt8>, openingAt start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var from = start + 1
        while from < bytes.count {
            guard let found = memchr(base + from, Int32(UInt8(ascii: "\"")), bytes.count - from) else { return bytes.count }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 > start, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote }
            from = quote + 1
        }
        return bytes.count
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
