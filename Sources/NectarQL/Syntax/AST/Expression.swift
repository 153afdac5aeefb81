/// An expression node: what it is (`kind`) and where it was written (`location`).
///
/// `location` is the operator for binary and postfix operators (`+`, `=`, `is`, `in`,
/// `between`, `like`), the keyword for `not`, `case` and `cast`, the `-` of a negation, and
/// the first token otherwise (a column reference's first name, a function's name).
/// Equality and hashing ignore locations.
package struct Expression: Sendable, Hashable {
    package let kind: ExpressionKind
    package let location: SourceLocation
    /// Levels of nesting below and including this node; the parser refuses trees deeper than
    /// `Parser.maximumDepth` so no later recursive walk can overflow the stack.
    package let height: Int

    package init(_ kind: ExpressionKind, at location: SourceLocation = .start) {
        let (canonical, place) = OperatorChain.flattened(kind, at: location)
        self.kind = canonical
        self.location = place
        self.height = 1 + (canonical.children.map(\.height).max() ?? 0)
    }

    package static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.kind == rhs.kind }
    package func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}

package indirect enum ExpressionKind: Sendable, Hashable {
    case literal(Literal)
    case column(ColumnReference)
    /// `-x`, `not x`
    case unary(UnaryOperator, Expression)
    /// `a op b op c …`: operators of one precedence level applied left to right, `(a op b) op c`.
    /// A chain of `or`, `and`, `||`, `+ -` or `* / %` is one flat node however long it is, so
    /// 10,000 terms are 10,000 operands, not 10,000 levels (see `OperatorChain`).
    case binary(Expression, [BinaryStep])
    /// `x is null`, `x is not null`
    case isNull(Expression, negated: Bool)
    /// `x [not] in (a, b, …)`
    case inList(Expression, [Expression], negated: Bool)
    /// `x [not] between low and high`
    case between(Expression, low: Expression, high: Expression, negated: Bool)
    /// `x [not] like p`, `x [not] ilike p` (`caseInsensitive`)
    case like(Expression, pattern: Expression, caseInsensitive: Bool, negated: Bool)
    case caseWhen(CaseExpression)
    /// `cast(x as type)`
    case cast(Expression, CastType)
    case function(FunctionCall)

    /// The direct sub-expressions, in source order.
    package var children: [Expression] {
        switch self {
        case .literal, .column: return []
        case let .unary(_, operand): return [operand]
        case let .binary(first, steps): return [first] + steps.map(\.operand)
        case let .isNull(operand, _): return [operand]
        case let .inList(operand, list, _): return [operand] + list
        case let .between(operand, low, high, _): return [operand, low, high]
        case let .like(operand, pattern, _, _): return [operand, pattern]
        case let .caseWhen(caseExpression): return caseExpression.children
        case let .cast(operand, _): return [operand]
        case let .function(call):
            if case let .list(arguments) = call.arguments { return arguments }
            return []
        }
    }
}

package enum Literal: Sendable, Hashable {
    /// A number written without `.` or exponent that fits in `Int`.
    case integer(Int)
    /// Any other number (`1.5`, `2e3`, or an integer too large for `Int`).
    case decimal(Double)
    /// `'text'` (`''` inside is one quote).
    case text(String)
    case boolean(Bool)
    case null
    /// `interval '30 days'`: a span of calendar time, only for adding to or subtracting from a timestamp.
    case interval(IntervalLiteral)
}

/// `name` or `qualifier.name` (qualifier = table or alias). Both already normalised.
package struct ColumnReference: Sendable, Hashable {
    package var table: String?
    package var name: String

    package init(table: String? = nil, name: String) {
        self.table = table
        self.name = name
    }
}

package enum UnaryOperator: String, Sendable, Hashable, CaseIterable {
    case negate = "-"
    case not
}

package enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case concatenate = "||"
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/", modulo = "%"
}

/// The types `cast` converts to. `integer` is a float truncated toward zero (the seed has no
/// integer type); `int` and `bigint` are read as `integer`.
package enum CastType: String, Sendable, Hashable, CaseIterable {
    case float, text, boolean, timestamp, integer

    /// The type a word names in `cast(x as word)`.
    package init?(word: String) {
        switch word {
        case "int", "bigint": self = .integer
        default: self.init(rawValue: word)
        }
    }
}

/// `case [operand] when … then … [else …] end`.
package struct CaseExpression: Sendable, Hashable {
    /// `case x when v then …` compares `x` with each `v`; nil for `case when condition then …`.
    package var operand: Expression?
    package var branches: [CaseBranch]
    package var elseResult: Expression?

    package init(operand: Expression? = nil, branches: [CaseBranch], elseResult: Expression? = nil) {
        self.operand = operand
        self.branches = branches
        self.elseResult = elseResult
    }

    var children: [Expression] {
        var all: [Expression] = operand.map { [$0] } ?? []
        for branch in branches { all += [branch.condition, branch.result] }
        if let elseResult { all.append(elseResult) }
        return all
    }
}

package struct CaseBranch: Sendable, Hashable {
    /// The `when` value: a condition, or a value compared with the case operand.
    package var condition: Expression
    package var result: Expression

    package init(when condition: Expression, then result: Expression) {
        self.condition = condition
        self.result = result
    }
}

/// `name(args)`, `count(*)`, `count(distinct x)`. The parser accepts any name; the binder
/// knows which functions exist (`ScalarFunction`, `AggregateFunction`).
package struct FunctionCall: Sendable, Hashable {
    /// Lower-cased unless it was quoted.
    package var name: String
    package var arguments: FunctionArguments
    package var distinct: Bool

    package init(name: String, arguments: FunctionArguments, distinct: Bool = false) {
        self.name = name
        self.arguments = arguments
        self.distinct = distinct
    }
}

package enum FunctionArguments: Sendable, Hashable {
    /// `(*)`, as in `count(*)`.
    case star
    case list([Expression])
}
