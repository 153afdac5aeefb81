/// The one way a number becomes text, for every output format and for numbers stored as text:
/// the shortest digits that read back as the same double, so no value ever loses a digit
/// (`12345678901234.56`, `0.30000000000000004` for 0.1 + 0.2). Integral values print without
/// `.0` (ids, counts), and magnitudes 1e-6 ≤ |x| < 1e21 are written positionally, the range
/// JavaScript also writes without an exponent; others as `1.5e+21`, `1e-8`.
package enum NumberText {
    /// Integral doubles below 2^53 are exact integers, so they print digit for digit.
    private static let exactIntegerLimit = 9_007_199_254_740_992.0

    package static func render(_ value: Double, decimalSeparator: UInt8 = UInt8(ascii: ".")) -> String {
        var bytes: [UInt8] = []
        append(value, decimalSeparator: decimalSeparator, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    package static func append(_ value: Double, decimalSeparator: UInt8, to out: inout [UInt8]) {
        if value.isNaN { return out.append(contentsOf: "NaN".utf8) }
        if value.isInfinite { return out.append(contentsOf: (value < 0 ? "-Infinity" : "Infinity").utf8) }
        if value == value.rounded(.towardZero), abs(value) < exactIntegerLimit {
            return appendInteger(Int64(value), to: &out)  // -0.0 becomes "0"
        }
        let (digits, exponent) = shortestDigits(value.magnitude)
        if value < 0 { out.append(UInt8(ascii: "-")) }
        if exponent > -7 && exponent < 21 {
            appendPositional(digits, exponent: exponent, decimalSeparator: decimalSeparator, to: &out)
        } else {
            appendScientific(digits, exponent: exponent, decimalSeparator: decimalSeparator, to: &out)
        }
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

    /// The shortest round-trip digits of a positive finite double (Swift's `description` computes
    /// them) without leading or trailing zeros, and the decimal exponent of the first digit.
    static func shortestDigits(_ magnitude: Double) -> (digits: [UInt8], exponent: Int) {
        var digits: [UInt8] = []
        digits.reserveCapacity(17)
        var digitsBeforePoint = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where inExponent: exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte)
                if !seenPoint { digitsBeforePoint += 1 }
            case UInt8(ascii: "."): seenPoint = true
            default: break
            }
        }
        var leadingZeros = 0
        while leadingZeros < digits.count - 1, digits[leadingZeros] == UInt8(ascii: "0") { leadingZeros += 1 }
        digits.removeFirst(leadingZeros)
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, digitsBeforePoint - leadingZeros - 1 + exponentSign * exponent)
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
        appendInteger(Int64(abs(exponent)), to: &out)
    }
}
