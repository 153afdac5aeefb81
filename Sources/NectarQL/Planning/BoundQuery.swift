import NectarCatalog
import NectarSyntax

/// A select after binding: every name resolved, every type checked. The planner decides how to
/// fetch it; nothing here has touched the network.
package struct BoundQuery: Sendable {
    var scope: Scope
    /// One per joined table (`scope.tables[1...]`), in join order.
    var joins: [BoundJoin]
    /// The `where` conjuncts, over the combined row.
    var filters: [BoundExpression]
    var grouping: Grouping?
    /// What the select list computes: over the combined row, or over the aggregate's row.
    var outputs: [BoundExpression]
    package var columns: [ResultColumn]
    var order: [SortKey]
    var distinct: Bool
    var limit: Int?
    var offset: Int
    /// Printed pieces for `explain`.
    var text: QueryText

    package struct Grouping: Sendable {
        package let keys: [BoundExpression]
        package let aggregates: [AggregateCall]
        let having: BoundExpression?
    }

    struct QueryText: Sendable {
        var filters: [String] = []
        var groupKeys: [String] = []
        var aggregates: [String] = []
        var having: String?
        var order: [String] = []
    }

    /// `select distinct … order by`: the keys are over the output row and sorting follows projection.
    var orderAfterProjection: Bool { distinct && !order.isEmpty }

    /// Every combined-row slot the query reads, to ask the API only for the keys it needs.
    var usedSlots: Set<Int> {
        var slots = Set<Int>()
        var expressions = filters + joins.flatMap { $0.leftKeys + ($0.residual.map { [$0] } ?? []) }
        for join in joins {
            let offset = scope.tables[join.table].offset
            slots.formUnion(join.rightColumns.map { $0 + offset })
        }
        if let grouping {
            expressions += grouping.keys + grouping.aggregates.compactMap(\.argument)
        } else {
            expressions += outputs
            if !orderAfterProjection { expressions += order.map(\.expression) }
        }
        for expression in expressions { slots.formUnion(expression.referencedColumns) }
        return slots
    }
}

/// One join: which table, how, and on what.
package struct BoundJoin: Sendable {
    package let kind: NectarSyntax.JoinKind
    /// Index into the scope's tables.
    let table: Int
    /// Key expressions over the combined row of the tables before this one…
    package let leftKeys: [BoundExpression]
    /// …equal, pairwise, to these columns of the joined table (indexes into its columns).
    package let rightColumns: [Int]
    /// The rest of the `on` condition, over the combined row up to and including this table.
    package let residual: BoundExpression?
    /// `oportunidades.cliente_id = contatos.id`, for explain.
    let text: String
}
