/// Reads the numbers people type into custom fields: Brazilian (`1.234,56`) and plain (`1234.56`)
/// forms, an optional `R$` and sign. The separator written last is the decimal one when both
/// appear; a lone `,` is decimal; a lone `.` is decimal too, except in `1.234`, which is 1234 to a
/// Brazilian and 1.234 to anyone else: that is refused (nil) rather than guessed.
enum BrazilianNumber {
    static func parse(_ text: String) -> Double? {
        var body = Substring(text.trimmingSpaces)
        if body.hasPrefix("R$") { body = Substring(String(body.dropFirst(2)).trimmingSpaces) }
        var sign = 1.0
        if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        guard let parts = split(body) else { return nil }
        let (integer, fraction) = parts
        guard !integer.isEmpty || !fraction.isEmpty, let value = Double(integer + "." + (fraction.isEmpty ? "0" : fraction)) else {
            return nil
        }
        return sign * value
    }

    /// The integer digits (grouping removed) and the fraction digits; nil when the grouping is
    /// malformed or the form is ambiguous.
    private static func split(_ body: Substring) -> (String, String)? {
        let dots = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        let decimal: Character?
        switch (dots, commas) {
        case (0, 0): decimal = nil
        case (_, 0) where dots > 1: decimal = nil  // 1.234.567
        case (0, _) where commas > 1: decimal = nil  // 1,234,567
        case (1, 0): decimal = "."
        case (0, 1): decimal = ","
        default: decimal = body.last { $0 == "." || $0 == "," }
        }
        var integerPart = body
        var fraction = Substring("")
        if let decimal, let position = body.lastIndex(of: decimal) {
            integerPart = body[..<position]
            fraction = body[body.index(after: position)...]
            guard fraction.allSatisfy(\.isNumber) else { return nil }
        }
        let groups = integerPart.split(separator: decimal == "." ? "," : decimal == "," ? "." : dots > 0 ? "." : ",",
                                       omittingEmptySubsequences: false)
        guard groups.count == 1 || isGrouped(groups) else { return nil }
        if decimal == ".", dots == 1, commas == 0, groups.count == 1, isAmbiguousThousands(integerPart, fraction) { return nil }
        return (groups.joined(), String(fraction))
    }

    /// `1.234.567`: a first group of one to three digits, then groups of exactly three.
    private static func isGrouped(_ groups: [Substring]) -> Bool {
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isNumber) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
    }

    /// `1.234` (or `12.500`): could be a thousands separator or a decimal point.
    private static func isAmbiguousThousands(_ integer: Substring, _ fraction: Substring) -> Bool {
        (1...3).contains(integer.count) && integer.first != "0" && fraction.count == 3
    }
}
