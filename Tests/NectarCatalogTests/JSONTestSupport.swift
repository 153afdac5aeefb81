import Foundation
@testable import NectarCatalog

/// A deterministic generator, so every failing input can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A JSON value compared the way both parsers can agree on: objects as dictionaries (last
/// duplicate wins, as Foundation does), numbers as Doubles within a few units in the last place,
/// because Foundation's decimal conversion is not always correctly rounded (exactness is
/// checked separately against the standard library's `Double(String)`).
indirect enum Canonical: Equatable {
    case null, bool(Bool), number(Double), string(String), array([Canonical]), object([String: Canonical])

    static func == (lhs: Canonical, rhs: Canonical) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b || abs(a - b) <= 8 * max(a.ulp, b.ulp)
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }

    init(_ node: JSONNode) {
        switch node {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .array(let elements): self = .array(elements.map(Canonical.init))
        case .object(let members):
            var dictionary: [String: Canonical] = [:]
            for member in members { dictionary[member.key] = Canonical(member.value) }
            self = .object(dictionary)
        }
    }

    init(foundation value: Any) {
        switch value {
        case is NSNull: self = .null
        case let number as NSNumber:
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map { Canonical(foundation: $0) })
        case let dictionary as [String: Any]: self = .object(dictionary.mapValues { Canonical(foundation: $0) })
        default: self = .string("unexpected \(type(of: value))")
        }
    }
}

enum FoundationJSON {
    static func parse(_ bytes: [UInt8]) -> Canonical? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return nil }
        return Canonical(foundation: value)
    }
}

/// Random JSON text with the awkward parts: escapes, surrogate pairs, raw multi-byte UTF-8,
/// big and tiny numbers, exponents, odd whitespace, duplicate keys.
struct JSONTextGenerator {
    var random: SplitMix64

    mutating func document(depth: Int = 0) -> String {
        let kind = depth > 5 ? Int.random(in: 0..<4, using: &random) : Int.random(in: 0..<6, using: &random)
        switch kind {
        case 0: return ["null", "true", "false"].randomElement(using: &random)!
        case 1: return number()
        case 2, 3: return string()
        case 4:
            let count = Int.random(in: 0..<5, using: &random)
            return "[" + (0..<count).map { _ in space() + document(depth: depth + 1) + space() }.joined(separator: ",") + "]"
        default:
            let count = Int.random(in: 0..<5, using: &random)
            let members = (0..<count).map { _ in space() + string() + space() + ":" + space() + document(depth: depth + 1) }
            return "{" + members.joined(separator: ",") + space() + "}"
        }
    }

    mutating func space() -> String {
        ["", "", "", " ", "\n", "\t", " \r\n "].randomElement(using: &random)!
    }

    mutating func number() -> String {
        let sign = Bool.random(using: &random) ? "-" : ""
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return sign + "0"
        case 1: return sign + String(Int.random(in: 1...1_000_000, using: &random))
        case 2: return sign + "\(Int.random(in: 0...99_999, using: &random)).\(Int.random(in: 0...99_999, using: &random))"
        case 3: return sign + "\(Int.random(in: 1...9, using: &random))e\(Int.random(in: -320...308, using: &random))"
        case 4: return sign + "1.5E+\(Int.random(in: 0...300, using: &random))"
        case 5: return sign + String((0..<Int.random(in: 16...40, using: &random)).map { _ in Character(String(Int.random(in: 1...9, using: &random))) })
        case 6: return sign + "0.\(String(repeating: "0", count: Int.random(in: 0...20, using: &random)))\(Int.random(in: 1...999_999_999, using: &random))"
        default: return sign + "\(Int.random(in: 0...9_007_199_254_740_993, using: &random))"
        }
    }

    mutating func string() -> String {
        let pieces = [
            "a", "Zé", "中文", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\b\\f\\r\\t", "\\u00e9", "\\u0000", "\\uD83D\\uDE00",
            "\\ud834\\udd1e", "São Paulo", " ", "ção", "\\u20AC", "x", "@", "\u{7F}",
        ]
        let count = Int.random(in: 0..<6, using: &random)
        return "\"" + (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined() + "\""
    }
}
