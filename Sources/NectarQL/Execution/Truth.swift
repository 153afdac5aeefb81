import NectarCatalog
import NectarSyntax

/// SQL's three truth values. NULL in a boolean position is `unknown`.
enum Truth: Sendable {
    case isTrue, isFalse, unknown

    init(_ value: Value) {
        switch value {
        case .boolean(let b): self = b ? .isTrue : .isFalse
        default: self = .unknown
        }
    }

    init(_ bool: Bool) { self = bool ? .isTrue : .isFalse }

    var value: Value {
        switch self {
        case .isTrue: .boolean(true)
        case .isFalse: .boolean(false)
        case .unknown: .null
        }
    }

    var negated: Truth {
        switch self {
        case .isTrue: .isFalse
        case .isFalse: .isTrue
        case .unknown: .unknown
        }
    }

    static func and(_ a: Truth, _ b: Truth) -> Truth {
        if case .isFalse = a { return .isFalse }
        if case .isFalse = b { return .isFalse }
        if case .isTrue = a, case .isTrue = b { return .isTrue }
        return .unknown
    }

    static func or(_ a: Truth, _ b: Truth) -> Truth {
        if case .isTrue = a { return .isTrue }
        if case .isTrue = b { return .isTrue }
        if case .isFalse = a, case .isFalse = b { return .isFalse }
        return .unknown
    }
}
