import NectarCatalog
import NectarSemantics
import NectarSyntax

/// An expression after binding: columns are slots in the row, literals are typed values,
/// functions are resolved. The executor evaluates these; nothing here refers to names.
package indirect enum BoundExpression: Sendable, Hashable {
    case literal(Value)
    /// A slot of the row the expression is evaluated against.
    case column(Int)
    case negate(BoundExpression)
    case not(BoundExpression)
    /// `a + b - c …`, applied left to right; flat so long chains need no deep recursion.
    case arithmetic(BoundExpression, [ArithmeticStep])
    case concatenate([BoundExpression])
    case comparison(ComparisonOperator, BoundExpression, BoundExpression)
    /// `a and b and …`, `a or b or …`: flat, with Kleene logic.
    case and([BoundExpression])
    case or([BoundExpression])
    case isNull(BoundExpression, negated: Bool)
    case inList(BoundExpression, [BoundExpression], negated: Bool)
    /// `x in (constants…)`: a hash lookup per row, however long the list.
    case inSet(BoundExpression, ConstantSet, negated: Bool)
    case between(BoundExpression, BoundExpression, BoundExpression, negated: Bool)
    case like(BoundExpression, pattern: BoundExpression, caseInsensitive: Bool, negated: Bool)
    case caseWhen([CaseBranch], otherwise: BoundExpression?)
    case cast(BoundExpression, SQLType)
    /// `cast(x as integer)`: x as a float, truncated toward zero.
    case castInteger(BoundExpression)
    /// A timestamp moved by calendar intervals, one after another, in the session zone.
    case shift(BoundExpression, [CalendarInterval])
    case function(ScalarFunction, [BoundExpression])

    package struct CaseBranch: Sendable, Hashable {
        package let condition: BoundExpression
        package let result: BoundExpression
    }

    package struct ArithmeticStep: Sendable, Hashable {
        package let op: ArithmeticOperator
        package let operand: BoundExpression
    }

    /// The direct sub-expressions.
    var children: [BoundExpression] {
        switch self {
        case .literal, .column: []
        case .negate(let e), .not(let e), .isNull(let e, _), .cast(let e, _), .castInteger(let e), .shift(let e, _),
            .inSet(let e, _, _):
            [e]
        case .arithmetic(let first, let steps): [first] + steps.map(\.operand)
        case .concatenate(let parts), .and(let parts), .or(let parts), .function(_, let parts): parts
        case .comparison(_, let l, let r): [l, r]
        case .inList(let e, let list, _): [e] + list
        case .between(let e, let lo, let hi, _): [e, lo, hi]
        case .like(let e, let pattern, _, _): [e, pattern]
        case .caseWhen(let branches, let otherwise):
            branches.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
        }
    }

    /// The row slots the expression reads.
    var referencedColumns: Set<Int> {
        var slots = Set<Int>()
        collectColumns(into: &slots)
        return slots
    }

    private func collectColumns(into slots: inout Set<Int>) {
        if case .column(let slot) = self { slots.insert(slot) }
        for child in children { child.collectColumns(into: &slots) }
    }

    /// The same expression reading slot `map[s]` wherever it read slot `s`.
    func remappingColumns(_ map: (Int) -> Int) -> BoundExpression {
        if case .column(let slot) = self { return .column(map(slot)) }
        return mappingChildren { $0.remappingColumns(map) }
    }

    /// The same node over `transform` of each direct sub-expression.
    func mappingChildren(_ transform: (BoundExpression) -> BoundExpression) -> BoundExpression {
        let r = transform
        switch self {
        case .literal, .column: return self
        case .negate(let e): return .negate(r(e))
        case .not(let e): return .not(r(e))
        case .arithmetic(let first, let steps): return .arithmetic(r(first), steps.map { ArithmeticStep(op: $0.op, operand: r($0.operand)) })
        case .concatenate(let parts): return .concatenate(parts.map(r))
        case .comparison(let op, let l, let rr): return .comparison(op, r(l), r(rr))
        case .and(let parts): return .and(parts.map(r))
        case .or(let parts): return .or(parts.map(r))
        case .isNull(let e, let negated): return .isNull(r(e), negated: negated)
        case .inList(let e, let list, let negated): return .inList(r(e), list.map(r), negated: negated)
        case .inSet(let e, let set, let negated): return .inSet(r(e), set, negated: negated)
        case .between(let e, let lo, let hi, let negated): return .between(r(e), r(lo), r(hi), negated: negated)
        case .like(let e, let pattern, let ci, let negated):
            return .like(r(e), pattern: r(pattern), caseInsensitive: ci, negated: negated)
        case .caseWhen(let branches, let otherwise):
            return .caseWhen(
                branches.map { CaseBranch(condition: r($0.condition), result: r($0.result)) },
                otherwise: otherwise.map(r))
        case .cast(let e, let type): return .cast(r(e), type)
        case .castInteger(let e): return .castInteger(r(e))
        case .shift(let e, let intervals): return .shift(r(e), intervals)
        case .function(let f, let arguments): return .function(f, arguments.map(r))
        }
    }

    /// Splits a conjunction into its parts, so each can be pushed or placed on its own.
    var conjuncts: [BoundExpression] {
        if case .and(let parts) = self { return parts.flatMap(\.conjuncts) }
        return [self]
    }

    static func conjunction(_ parts: [BoundExpression]) -> BoundExpression? {
        parts.count <= 1 ? parts.first : .and(parts)
    }
}

package enum ArithmeticOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
}

package enum ComparisonOperator: String, Sendable, Hashable {
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
