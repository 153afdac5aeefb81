import NectarCatalog
import NectarSyntax

/// An expression after binding: columns are slots in the row, literals are typed values,
/// functions are resolved. The executor evaluates these; nothing here refers to names.
indirect enum BoundExpression: Sendable, Hashable {
    case literal(Value)
    /// A slot of the row the expression is evaluated against.
    case column(Int)
    case negate(BoundExpression)
    case not(BoundExpression)
    case arithmetic(ArithmeticOperator, BoundExpression, BoundExpression)
    case concatenate(BoundExpression, BoundExpression)
    case comparison(ComparisonOperator, BoundExpression, BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case isNull(BoundExpression, negated: Bool)
    case inList(BoundExpression, [BoundExpression], negated: Bool)
    case between(BoundExpression, BoundExpression, BoundExpression, negated: Bool)
    case like(BoundExpression, pattern: BoundExpression, caseInsensitive: Bool, negated: Bool)
    case caseWhen([CaseBranch], otherwise: BoundExpression?)
    case cast(BoundExpression, SQLType)
    case function(ScalarFunction, [BoundExpression])

    struct CaseBranch: Sendable, Hashable {
        let condition: BoundExpression
        let result: BoundExpression
    }

    /// The row slots the expression reads.
    var referencedColumns: Set<Int> {
        var slots = Set<Int>()
        collectColumns(into: &slots)
        return slots
    }

    private func collectColumns(into slots: inout Set<Int>) {
        switch self {
        case .literal: break
        case .column(let slot): slots.insert(slot)
        case .negate(let e), .not(let e), .isNull(let e, _), .cast(let e, _): e.collectColumns(into: &slots)
        case .arithmetic(_, let l, let r), .concatenate(let l, let r), .comparison(_, let l, let r),
            .and(let l, let r), .or(let l, let r):
            l.collectColumns(into: &slots)
            r.collectColumns(into: &slots)
        case .inList(let e, let list, _):
            e.collectColumns(into: &slots)
            for item in list { item.collectColumns(into: &slots) }
        case .between(let e, let lo, let hi, _):
            for part in [e, lo, hi] { part.collectColumns(into: &slots) }
        case .like(let e, let pattern, _, _):
            e.collectColumns(into: &slots)
            pattern.collectColumns(into: &slots)
        case .caseWhen(let branches, let otherwise):
            for branch in branches {
                branch.condition.collectColumns(into: &slots)
                branch.result.collectColumns(into: &slots)
            }
            otherwise?.collectColumns(into: &slots)
        case .function(_, let arguments):
            for argument in arguments { argument.collectColumns(into: &slots) }
        }
    }

    /// The same expression reading slot `map[s]` wherever it read slot `s`.
    func remappingColumns(_ map: (Int) -> Int) -> BoundExpression {
        func r(_ e: BoundExpression) -> BoundExpression { e.remappingColumns(map) }
        switch self {
        case .literal: return self
        case .column(let slot): return .column(map(slot))
        case .negate(let e): return .negate(r(e))
        case .not(let e): return .not(r(e))
        case .arithmetic(let op, let l, let rr): return .arithmetic(op, r(l), r(rr))
        case .concatenate(let l, let rr): return .concatenate(r(l), r(rr))
        case .comparison(let op, let l, let rr): return .comparison(op, r(l), r(rr))
        case .and(let l, let rr): return .and(r(l), r(rr))
        case .or(let l, let rr): return .or(r(l), r(rr))
        case .isNull(let e, let negated): return .isNull(r(e), negated: negated)
        case .inList(let e, let list, let negated): return .inList(r(e), list.map(r), negated: negated)
        case .between(let e, let lo, let hi, let negated): return .between(r(e), r(lo), r(hi), negated: negated)
        case .like(let e, let pattern, let ci, let negated):
            return .like(r(e), pattern: r(pattern), caseInsensitive: ci, negated: negated)
        case .caseWhen(let branches, let otherwise):
            return .caseWhen(
                branches.map { CaseBranch(condition: r($0.condition), result: r($0.result)) },
                otherwise: otherwise.map(r))
        case .cast(let e, let type): return .cast(r(e), type)
        case .function(let f, let arguments): return .function(f, arguments.map(r))
        }
    }

    /// Splits a conjunction into its parts, so each can be pushed or placed on its own.
    var conjuncts: [BoundExpression] {
        if case .and(let l, let r) = self { return l.conjuncts + r.conjuncts }
        return [self]
    }

    static func conjunction(_ parts: [BoundExpression]) -> BoundExpression? {
        guard var result = parts.first else { return nil }
        for part in parts.dropFirst() { result = .and(result, part) }
        return result
    }
}

enum ArithmeticOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
}

enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The operator that holds when the operands are swapped (`3 < x` is `x > 3`).
    var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }
}
