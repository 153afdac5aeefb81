/// Binding strength, loosest first, as in standard SQL:
/// or < and < not < comparison/is/in/between/like < || < + - < * / % < unary minus.
/// The parser and the printer share this table, so printed text parses back to the same tree.
enum Precedence: Int, Comparable {
    case or = 1, and, not, comparison, concatenation, additive, multiplicative, unary, primary

    static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The next tighter level (right operands of left-associative operators use it).
    var tighter: Precedence { Precedence(rawValue: rawValue + 1) ?? .primary }
}

extension BinaryOperator {
    var precedence: Precedence {
        switch self {
        case .or: .or
        case .and: .and
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: .comparison
        case .concatenate: .concatenation
        case .add, .subtract: .additive
        case .multiply, .divide, .modulo: .multiplicative
        }
    }

    /// The operator a token stands for, if any.
    init?(_ token: Token) {
        switch token.kind {
        case .word("or"): self = .or
        case .word("and"): self = .and
        case let .symbol(symbol):
            switch symbol {
            case .equal: self = .equal
            case .notEqual, .bangEqual: self = .notEqual
            case .less: self = .less
            case .lessOrEqual: self = .lessOrEqual
            case .greater: self = .greater
            case .greaterOrEqual: self = .greaterOrEqual
            case .concat: self = .concatenate
            case .plus: self = .add
            case .minus: self = .subtract
            case .star: self = .multiply
            case .slash: self = .divide
            case .percent: self = .modulo
            default: return nil
            }
        default: return nil
        }
    }
}

extension Expression {
    /// How tightly this node binds when printed (atoms bind tightest).
    var precedence: Precedence {
        switch kind {
        case let .binary(_, steps): steps.first?.op.precedence ?? .primary
        case .unary(.not, _): .not
        case .unary(.negate, _): .unary
        case .isNull, .inList, .between, .like: .comparison
        case .literal, .column, .caseWhen, .cast, .function: .primary
        }
    }
}
