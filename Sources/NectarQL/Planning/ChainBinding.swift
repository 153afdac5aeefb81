import NectarCatalog
import NectarSemantics
import NectarSyntax

/// Binds a flat operator chain (`a or b or …`, `a + b - c …`) in one loop, so its length costs no
/// stack. `+` and `-` also move timestamps by intervals: `now() - interval '7 days'`.
extension ExpressionBinder {
    func bindChain(_ first: Expression, _ steps: [BinaryStep], at location: SourceLocation) throws -> TypedExpression {
        guard let op = steps.first?.op else { return try bind(first) }
        switch op {
        case .and, .or:
            let parts = try ([first] + steps.map(\.operand)).map { try expect(.boolean, try bind($0), $0, role: "'\(op.rawValue)'").expression }
            return TypedExpression(op == .and ? .and(parts) : .or(parts), .boolean)
        case .concatenate:
            return TypedExpression(.concatenate(try ([first] + steps.map(\.operand)).map { try bind($0).expression }), .text)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            var left = try bind(first)
            for (index, step) in steps.enumerated() {
                let leftNode = Self.prefix(first, steps, upTo: index)
                let (l, r) = try comparable(try bind(step.operand), step.operand, with: left, leftNode, at: step.location)
                left = TypedExpression(.comparison(ComparisonOperator(rawValue: step.op.rawValue)!, l.expression, r.expression), .boolean)
            }
            return left
        case .add, .subtract, .multiply, .divide, .modulo:
            let term = try arithmeticTerm(first, steps)
            guard case .value(let value) = term else {
                throw QueryError("an interval can only be added to or subtracted from a timestamp, e.g. now() - interval '7 days'", at: location)
            }
            return value
        }
    }

    /// What an arithmetic chain (or one of its operands) stands for: a value, or an interval
    /// still waiting for the timestamp it moves.
    enum ArithmeticTerm {
        case value(TypedExpression)
        case interval(CalendarInterval)
    }

    private func arithmeticTerm(_ node: Expression) throws -> ArithmeticTerm {
        switch node.kind {
        case .literal(.interval(let literal)): return .interval(CalendarInterval(literal))
        case .binary(let first, let steps) where steps.first?.op == .add || steps.first?.op == .subtract:
            return try arithmeticTerm(first, steps)
        default: return .value(try bind(node))
        }
    }

    private func arithmeticTerm(_ first: Expression, _ steps: [BinaryStep]) throws -> ArithmeticTerm {
        var state = ArithmeticChain(start: try arithmeticTerm(first))
        for (index, step) in steps.enumerated() {
            // Built only for a message: building it for every step would make a long chain quadratic.
            try state.apply(step, try arithmeticTerm(step.operand), left: { Self.prefix(first, steps, upTo: index) }, binder: self)
        }
        return state.term
    }

    /// `first` and the steps before `index`, as one node, for messages about the left operand.
    static func prefix(_ first: Expression, _ steps: [BinaryStep], upTo index: Int) -> Expression {
        index == 0 ? first : Expression(.binary(first, Array(steps[..<index])), at: steps[0].location)
    }
}

/// The running left operand of an arithmetic chain, kept unbuilt so appending a step costs
/// constant time (a 10,000-term sum binds in linear time).
private struct ArithmeticChain {
    enum Kind {
        /// Floats: `start` and the steps applied so far.
        case number
        /// A timestamp (`start`) and the intervals that move it.
        case time
        /// Intervals only, so far.
        case interval
    }

    private var kind: Kind
    private var start: TypedExpression
    private var steps: [BoundExpression.ArithmeticStep] = []
    private var intervals: [CalendarInterval] = []
    private var interval = CalendarInterval()

    init(start term: ExpressionBinder.ArithmeticTerm) {
        switch term {
        case .value(let value):
            kind = .number
            start = value
        case .interval(let pending):
            kind = .interval
            start = TypedExpression(.literal(.null), nil)
            interval = pending
        }
    }

    var term: ExpressionBinder.ArithmeticTerm {
        switch kind {
        case .number: .value(steps.isEmpty ? start : TypedExpression(.arithmetic(start.expression, steps), .float))
        case .time: .value(TypedExpression(.shift(start.expression, intervals), .timestamp))
        case .interval: .interval(interval)
        }
    }

    mutating func apply(
        _ step: BinaryStep, _ right: ExpressionBinder.ArithmeticTerm, left: () -> Expression, binder: ExpressionBinder
    ) throws {
        let op = step.op
        let additive = op == .add || op == .subtract
        switch (kind, right) {
        case (.interval, .interval(let b)) where additive:
            interval = Self.sum(interval, op == .add ? b : b.negated)
        case (.interval, .value(let time)) where op == .add:
            start = try binder.expect(.timestamp, time, step.operand, role: "'+' with an interval")
            (kind, intervals) = (.time, [interval])
        case (.time, .interval(let b)) where additive:
            intervals.append(op == .add ? b : b.negated)
        case (.number, .interval(let b)) where additive && steps.isEmpty:
            start = try Self.expect(.timestamp, start, left, role: "'\(op.rawValue)' with an interval", binder)
            (kind, intervals) = (.time, [op == .add ? b : b.negated])
        case (_, .interval), (.interval, _):
            let hint = op == .subtract && kind == .interval ? "; subtract the interval from the timestamp instead" : ""
            throw QueryError("'\(op.rawValue)' cannot take an interval here: intervals are only added to or subtracted from timestamps\(hint)", at: step.location)
        case (.time, .value(let r)):
            try Self.refuseTimestampDifference(op, .timestamp, r.type, at: step.location)
            if case .value(let moved) = term { _ = try Self.expect(.float, moved, left, role: "'\(op.rawValue)'", binder) }
        case (.number, .value(let r)):
            let role = "'\(op.rawValue)'"
            if steps.isEmpty {
                try Self.refuseTimestampDifference(op, start.type, r.type, at: step.location)
                start = try Self.expect(.float, start, left, role: role, binder)
            }
            let operand = try binder.expect(.float, r, step.operand, role: role).expression
            steps.append(BoundExpression.ArithmeticStep(op: ArithmeticOperator(rawValue: op.rawValue)!, operand: operand))
        }
    }

    /// `binder.expect`, building the left operand's node only when there is something to report.
    private static func expect(
        _ type: SQLType, _ value: TypedExpression, _ node: () -> Expression, role: String, _ binder: ExpressionBinder
    ) throws -> TypedExpression {
        guard let actual = value.type, actual != type else { return value }
        return try binder.expect(type, value, node(), role: role)
    }

    private static func refuseTimestampDifference(_ op: BinaryOperator, _ left: SQLType?, _ right: SQLType?, at location: SourceLocation) throws {
        guard op == .subtract, left == .timestamp, right == .timestamp else { return }
        throw QueryError("cannot subtract timestamps; use date_diff('day', start, end) for the days between them", at: location)
    }

    private static func sum(_ a: CalendarInterval, _ b: CalendarInterval) -> CalendarInterval {
        CalendarInterval(months: a.months + b.months, days: a.days + b.days, milliseconds: a.milliseconds + b.milliseconds)
    }
}
