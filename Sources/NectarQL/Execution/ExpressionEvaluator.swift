import NectarCatalog
import NectarPlanning
import NectarSemantics
import NectarSyntax

/// Evaluates bound expressions against one row, with SQL's three-valued logic:
/// NULL propagates through arithmetic and comparison, `and`/`or` follow Kleene logic.
extension BoundExpression {
    package func evaluate(_ row: [Value], _ context: EvaluationContext) -> Value {
        switch self {
        case .literal(let value): return value
        case .column(let slot): return row[slot]
        case .negate(let e):
            if case .float(let d) = e.evaluate(row, context) { return .float(-d) }
            return .null
        case .not(let e): return Truth(e.evaluate(row, context)).negated.value
        case .arithmetic(let first, let steps):
            var result = first.evaluate(row, context)
            for step in steps { result = Self.arithmetic(step.op, result, step.operand.evaluate(row, context)) }
            return result
        case .concatenate(let parts):
            var text = ""
            for part in parts {
                let value = part.evaluate(row, context)
                if value.isNull { return .null }
                text += value.castText(context.time)
            }
            return .text(text)
        case .comparison(let op, let l, let r): return Self.compare(op, l.evaluate(row, context), r.evaluate(row, context))
        case .and(let parts): return Self.connective(parts, row, context, isAnd: true)
        case .or(let parts): return Self.connective(parts, row, context, isAnd: false)
        case .isNull(let e, let negated): return .boolean(e.evaluate(row, context).isNull != negated)
        case .inList(let e, let list, let negated): return Self.membership(e.evaluate(row, context), list, row, context, negated)
        case .inSet(let e, let set, let negated):
            let value = e.evaluate(row, context)
            guard !value.isNull else { return .null }
            if set.members.contains(value.groupingKey) { return .boolean(!negated) }
            return set.containsNull ? .null : .boolean(negated)
        case .between(let e, let lo, let hi, let negated):
            let value = e.evaluate(row, context)
            let inside = Truth.and(
                Truth(Self.compare(.greaterOrEqual, value, lo.evaluate(row, context))),
                Truth(Self.compare(.lessOrEqual, value, hi.evaluate(row, context))))
            return (negated ? inside.negated : inside).value
        case .like(let e, let pattern, let caseInsensitive, let negated):
            guard case .text(let text) = e.evaluate(row, context), case .text(let p) = pattern.evaluate(row, context) else {
                return .null
            }
            return .boolean(LikePattern(p, caseInsensitive: caseInsensitive).matches(text) != negated)
        case .caseWhen(let branches, let otherwise):
            for branch in branches where Truth(branch.condition.evaluate(row, context)) == .isTrue {
                return branch.result.evaluate(row, context)
            }
            return otherwise?.evaluate(row, context) ?? .null
        case .cast(let e, let type): return e.evaluate(row, context).cast(to: type, context.time)
        case .castInteger(let e): return e.evaluate(row, context).castInteger(context.time)
        case .shift(let e, let intervals):
            guard case .timestamp(var ms) = e.evaluate(row, context) else { return .null }
            for interval in intervals { ms = interval.added(to: ms, in: context.time) }
            return .timestamp(ms)
        case .function(let function, let arguments):
            return function.evaluate(arguments.map { $0.evaluate(row, context) }, in: context)
        }
    }

    /// True only when the predicate holds; unknown filters the row out, as in a SQL `where`.
    func holds(for row: [Value], _ context: EvaluationContext) -> Bool {
        if case .boolean(true) = evaluate(row, context) { return true }
        return false
    }

    static func arithmetic(_ op: ArithmeticOperator, _ a: Value, _ b: Value) -> Value {
        guard case .float(let x) = a, case .float(let y) = b else { return .null }
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide: return y == 0 ? .null : .float(x / y)
        case .modulo: return y == 0 ? .null : .float(x.truncatingRemainder(dividingBy: y))
        }
    }

    static func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Value {
        if op == .equal || op == .notEqual {
            guard let equal = a.isEqual(to: b) else { return .null }
            return .boolean(equal == (op == .equal))
        }
        guard let order = a.compare(to: b) else { return .null }
        switch op {
        case .equal: return .boolean(order == 0)
        case .notEqual: return .boolean(order != 0)
        case .less: return .boolean(order < 0)
        case .lessOrEqual: return .boolean(order <= 0)
        case .greater: return .boolean(order > 0)
        case .greaterOrEqual: return .boolean(order >= 0)
        }
    }

    /// `a and b and …` or `a or b or …` in Kleene logic, stopping at the first operand that decides.
    private static func connective(_ parts: [BoundExpression], _ row: [Value], _ context: EvaluationContext, isAnd: Bool) -> Value {
        let decisive: Truth = isAnd ? .isFalse : .isTrue
        var result: Truth = isAnd ? .isTrue : .isFalse
        for part in parts {
            let truth = Truth(part.evaluate(row, context))
            result = isAnd ? Truth.and(result, truth) : Truth.or(result, truth)
            if result == decisive { break }
        }
        return result.value
    }

    /// `x in (…)`: true on a match, unknown when there is none but a NULL was involved.
    private static func membership(
        _ value: Value, _ list: [BoundExpression], _ row: [Value], _ context: EvaluationContext, _ negated: Bool
    ) -> Value {
        guard !value.isNull else { return .null }
        var sawNull = false
        for item in list {
            let candidate = item.evaluate(row, context)
            if candidate.isNull {
                sawNull = true
            } else if value.isEqual(to: candidate) == true {
                return .boolean(!negated)
            }
        }
        return sawNull ? .null : .boolean(negated)
    }
}

