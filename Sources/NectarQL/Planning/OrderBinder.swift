import NectarCatalog
import NectarSyntax

/// Binds `order by` keys: an ordinal (`order by 2`), a select alias (`order by total desc`), or any
/// expression. NULLs sort last in both directions unless told (as DuckDB does), so a
/// "top 10 by revenue" never opens with the deals that have no value.
struct OrderBinder {
    let binder: ExpressionBinder
    let items: [SelectBinder.Item]
    let outputs: [TypedExpression]
    let distinct: Bool

    func bind(_ item: OrderItem) throws -> SortKey {
        let expression = try keyExpression(item.expression)
        let nullsFirst = item.nulls.map { $0 == .first } ?? false
        return SortKey(expression: expression, descending: item.descending, nullsFirst: nullsFirst)
    }

    private func keyExpression(_ node: Expression) throws -> BoundExpression {
        if case .literal(.integer(let ordinal)) = node.kind, !items.indices.contains(ordinal - 1) {
            throw QueryError("order by \(ordinal) is out of range: the select list has \(items.count) items", at: node.location)
        }
        if let output = outputIndex(for: node) {
            return distinct ? .column(output) : outputs[output].expression
        }
        let bound = try binder.bind(node).expression
        guard distinct else { return bound }
        guard let index = outputs.firstIndex(where: { $0.expression == bound }) else {
            throw QueryError("with select distinct, order by must use columns of the select list", at: node.location)
        }
        return .column(index)
    }

    /// The select item an order key names by position or alias.
    private func outputIndex(for node: Expression) -> Int? {
        switch node.kind {
        case .literal(.integer(let ordinal)) where items.indices.contains(ordinal - 1): return ordinal - 1
        case .column(let reference) where reference.table == nil:
            return items.firstIndex { $0.alias == reference.name }
        default: return nil
        }
    }
}
