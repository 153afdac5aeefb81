import NectarCatalog

/// Computes the value of an expression that reads no column. Execution owns evaluation; the
/// engine hands the binder one of these, so folding constants needs no dependency on it.
package typealias ConstantEvaluator = (BoundExpression) -> Value

extension BoundExpression {
    /// The expression with every part that reads no column computed once, with the statement's
    /// `now()`: `datacriacao >= now() - interval '7 days'` becomes a comparison with a timestamp
    /// literal, which the pushdown can send to the API as a date filter.
    func folded(_ evaluate: ConstantEvaluator) -> BoundExpression {
        switch self {
        case .literal, .column: return self
        default:
            let rebuilt = mappingChildren { $0.folded(evaluate) }
            guard rebuilt.children.allSatisfy(\.isLiteral) else { return rebuilt }
            return .literal(evaluate(rebuilt))
        }
    }

    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}
