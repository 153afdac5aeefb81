/// Numbers, read straight from the bytes into a Double without an intermediate string.
extension JSONScanner {
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
