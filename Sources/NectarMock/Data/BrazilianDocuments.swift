/// CNPJ, CPF and phone numbers with valid check digits and realistic formatting.
enum BrazilianDocuments {
    static func cnpj(_ rng: inout SeededGenerator) -> String {
        var digits = (0..<8).map { _ in rng.int(0...9) } + [0, 0, 0, 1]
        digits.append(checkDigit(digits, weights: [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]))
        digits.append(checkDigit(digits, weights: [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]))
        let text = digits.map(String.init).joined()
        return format(text, groups: [(2, "."), (3, "."), (3, "/"), (4, "-"), (2, "")])
    }

    static func cpf(_ rng: inout SeededGenerator) -> String {
        var digits = (0..<9).map { _ in rng.int(0...9) }
        digits.append(checkDigit(digits, weights: Array((2...10).reversed())))
        digits.append(checkDigit(digits, weights: Array((2...11).reversed())))
        let text = digits.map(String.init).joined()
        return format(text, groups: [(3, "."), (3, "."), (3, "-"), (2, "")])
    }

    static func phone(ddd: String, mobile: Bool, _ rng: inout SeededGenerator) -> String {
        let first = mobile ? "9" + String(rng.int(6...9)) + String(rng.int(100...999)) : String(rng.int(2...5)) + String(rng.int(100...999))
        return "(\(ddd)) \(first)-\(MockTimestamp.pad(rng.int(0...9999), 4))"
    }

    /// Only the digits, the form lookups compare by.
    static func digits(_ text: String) -> String {
        String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
    }

    private static func checkDigit(_ digits: [Int], weights: [Int]) -> Int {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = sum % 11
        return remainder < 2 ? 0 : 11 - remainder
    }

    private static func format(_ digits: String, groups: [(Int, String)]) -> String {
        var result = ""
        var index = digits.startIndex
        for (length, separator) in groups {
            let end = digits.index(index, offsetBy: length)
            result += digits[index..<end] + separator
            index = end
        }
        return result
    }
}
