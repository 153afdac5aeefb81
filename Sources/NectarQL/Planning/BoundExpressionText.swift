import NectarCatalog

/// Writes a bound expression back as query text, for explain: `status = 2 and valortotal > 1000`.
extension BoundExpression {
    func text(columns: [String]) -> String {
        func t(_ e: BoundExpression) -> String { e.text(columns: columns) }
        func p(_ e: BoundExpression) -> String {
            switch e {
            case .literal, .column, .function, .cast: return t(e)
            default: return "(\(t(e)))"
            }
        }
        switch self {
        case .literal(let value): return value.literalText
        case .column(let slot): return columns.indices.contains(slot) ? columns[slot] : "#\(slot)"
        case .negate(let e): return "-\(p(e))"
        case .not(let e): return "not \(p(e))"
        case .arithmetic(let op, let l, let r): return "\(p(l)) \(op.rawValue) \(p(r))"
        case .concatenate(let l, let r): return "\(p(l)) || \(p(r))"
        case .comparison(let op, let l, let r): return "\(p(l)) \(op.rawValue) \(p(r))"
        case .and(let l, let r): return "\(t(l)) and \(t(r))"
        case .or(let l, let r): return "\(p(l)) or \(p(r))"
        case .isNull(let e, let negated): return "\(p(e)) is \(negated ? "not " : "")null"
        case .inList(let e, let list, let negated):
            return "\(p(e)) \(negated ? "not " : "")in (\(list.map(t).joined(separator: ", ")))"
        case .between(let e, let lo, let hi, let negated):
            return "\(p(e)) \(negated ? "not " : "")between \(p(lo)) and \(p(hi))"
        case .like(let e, let pattern, let ci, let negated):
            return "\(p(e)) \(negated ? "not " : "")\(ci ? "ilike" : "like") \(p(pattern))"
        case .caseWhen(let branches, let otherwise):
            let whens = branches.map { "when \(t($0.condition)) then \(t($0.result))" }.joined(separator: " ")
            return "case \(whens)\(otherwise.map { " else \(t($0))" } ?? "") end"
        case .cast(let e, let type): return "cast(\(t(e)) as \(type.rawValue))"
        case .function(let f, let arguments): return "\(f.rawValue)(\(arguments.map(t).joined(separator: ", ")))"
        }
    }
}
