import NectarCatalog

extension BoundExpression {
    /// The expression with every part that reads no column computed once, with the statement's
    /// `now()`: `datacriacao >= now() - interval '7 days'` becomes a comparison with a timestamp
    /// literal, which the pushdown can send to the API as a date filter.
    func folded(_ context: EvaluationContext) -> BoundExpression {
        switch self {
        case .literal, .column: return self
        default:
            let rebuilt = mappingChildren { $0.folded(context) }
            guard rebuilt.children.allSatisfy(\.isLiteral) else { return rebuilt }
            return .literal(rebuilt.evaluate([], context))
        }
    }

    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}
