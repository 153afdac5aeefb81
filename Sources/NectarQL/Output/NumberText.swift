#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Number text every format shares: integral values as integers (ids never get `.0`), others
/// rounded to 15 significant digits (so 0.1 + 0.2 shows as 0.3) and written positionally for
/// magnitudes 1e-7 < |x| < 1e21, the range JavaScript also writes without an exponent.
enum NumberText {
    /// Integral doubles below 2^53 are exact integers, so they print digit for digit.
    private static let exactIntegerLimit = 9_007_199_254_740_992.0

    static func append(_ value: Double, decimalSeparator: UInt8, to out: inout [UInt8]) {
        if value.isNaN { return out.append(contentsOf: "NaN".utf8) }
        if value.isInfinite { return out.append(contentsOf: (value < 0 ? "-Infinity" : "Infinity").utf8) }
        if value == value.rounded(.towardZero), abs(value) < exactIntegerLimit {
            return appendInteger(Int64(value), to: &out)  // -0.0 becomes "0"
        }
        if appendShortestIfShort(value, decimalSeparator: decimalSeparator, to: &out) { return }
        let (negative, digits, exponent) = decompose(value)
        if negative { out.append(UInt8(ascii: "-")) }
        if exponent > -7 && exponent < 21 {
            appendPositional(digits, exponent: exponent, decimalSeparator: decimalSeparator, to: &out)
        } else {
            appendScientific(digits, exponent: exponent, decimalSeparator: decimalSeparator, to: &out)
        }
    }

    /// Swift's shortest round-trip text is already the 15-digit rounding whenever it has at
    /// most 15 significant digits and no exponent: the common case (prices, rates), done fast.
    private static func appendShortestIfShort(_ value: Double, decimalSeparator: UInt8, to out: inout [UInt8]) -> Bool {
        let shortest = value.description.utf8
        var significant = 0
        var seenNonZero = false
        for byte in shortest {
            if byte == UInt8(ascii: "e") { return false }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { continue }
            if byte != UInt8(ascii: "0") { seenNonZero = true }
            if seenNonZero { significant += 1 }
        }
        guard significant <= 15 else { return false }
        for byte in shortest { out.append(byte == UInt8(ascii: ".") ? decimalSeparator : byte) }
        return true
    }

    /// Decimal digits of an integer, written without allocating (ids are the most common number).
    private static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// The value rounded to 15 significant digits as (sign, digits without trailing zeros,
    /// decimal exponent of the first digit); libc does the correctly rounded conversion.
    private static func decompose(_ value: Double) -> (Bool, [UInt8], Int) {
        var buffer = [CChar](repeating: 0, count: 40)
        let length = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([abs(value)]) { vsnprintf(pointer.baseAddress!, 40, "%.14e", $0) }
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(15)
        var index = 0
        while index < Int(length), buffer[index] != CChar(UInt8(ascii: "e")) {
            let byte = UInt8(bitPattern: buffer[index])
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits.append(byte) }
            index += 1
        }
        let exponentText = String(decoding: buffer[(index + 1)..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (value < 0, digits, Int(exponentText) ?? 0)
    }

    private static func appendPositional(_ digits: [UInt8], exponent: Int, decimalSeparator: UInt8, to out: inout [UInt8]) {
        if exponent < 0 {
            out.append(UInt8(ascii: "0"))
            out.append(decimalSeparator)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -exponent - 1))
            out.append(contentsOf: digits)
            return
        }
        let integerCount = exponent + 1
        if digits.count <= integerCount {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: integerCount - digits.count))
        } else {
            out.append(contentsOf: digits[..<integerCount])
            out.append(decimalSeparator)
            out.append(contentsOf: digits[integerCount...])
        }
    }

    private static func appendScientific(_ digits: [UInt8], exponent: Int, decimalSeparator: UInt8, to out: inout [UInt8]) {
        out.append(digits[0])
        if digits.count > 1 {
            out.append(decimalSeparator)
            out.append(contentsOf: digits[1...])
        }
        out.append(contentsOf: (exponent < 0 ? "e-" : "e+").utf8)
        out.append(contentsOf: String(abs(exponent)).utf8)
    }
}
