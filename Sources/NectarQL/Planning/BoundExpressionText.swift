import NectarCatalog

/// Writes a bound expression back as query text, for explain: `status = 2 and valortotal > 1000`.
extension BoundExpression {
    func text(columns: [String]) -> String {
        func t(_ e: BoundExpression) -> String { e.text(columns: columns) }
        func p(_ e: BoundExpression) -> String {
            switch e {
            case .literal, .column, .function, .cast, .castInteger: return t(e)
            default: return "(\(t(e)))"
            }
        }
        switch self {
        case .literal(let value): return value.literalText
        case .column(let slot): return columns.indices.contains(slot) ? columns[slot] : "#\(slot)"
        case .negate(let e): return "-\(p(e))"
        case .not(let e): return "not \(p(e))"
        case .arithmetic(let first, let steps): return steps.reduce(p(first)) { "\($0) \($1.op.rawValue) \(p($1.operand))" }
        case .concatenate(let parts): return parts.map(p).joined(separator: " || ")
        case .comparison(let op, let l, let r): return "\(p(l)) \(op.rawValue) \(p(r))"
        // Nothing binds more loosely than `or`; only an `or` inside an `and` needs parentheses.
        case .and(let parts): return parts.map { if case .or = $0 { "(\(t($0)))" } else { t($0) } }.joined(separator: " and ")
        case .or(let parts): return parts.map(t).joined(separator: " or ")
        case .isNull(let e, let negated): return "\(p(e)) is \(negated ? "not " : "")null"
        case .inList(let e, let list, let negated):
            return "\(p(e)) \(negated ? "not " : "")in (\(list.map(t).joined(separator: ", ")))"
        case .inSet(let e, let set, let negated):
            let items = set.values.map(\.literalText) + (set.containsNull ? ["null"] : [])
            return "\(p(e)) \(negated ? "not " : "")in (\(items.joined(separator: ", ")))"
        case .between(let e, let lo, let hi, let negated):
            return "\(p(e)) \(negated ? "not " : "")between \(p(lo)) and \(p(hi))"
        case .like(let e, let pattern, let ci, let negated):
            return "\(p(e)) \(negated ? "not " : "")\(ci ? "ilike" : "like") \(p(pattern))"
        case .caseWhen(let branches, let otherwise):
            let whens = branches.map { "when \(t($0.condition)) then \(t($0.result))" }.joined(separator: " ")
            return "case \(whens)\(otherwise.map { " else \(t($0))" } ?? "") end"
        case .cast(let e, let type): return "cast(\(t(e)) as \(type.rawValue))"
        case .castInteger(let e): return "cast(\(t(e)) as integer)"
        case .shift(let e, let intervals): return intervals.reduce(p(e)) { "\($0) + \($1.text)" }
        case .function(let f, let arguments): return "\(f.rawValue)(\(arguments.map(t).joined(separator: ", ")))"
        }
    }
}
