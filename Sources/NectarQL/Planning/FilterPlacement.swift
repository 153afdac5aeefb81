import NectarCatalog
import NectarSyntax

/// Decides where each `where` conjunct runs: on the scan of the one table it reads (and so into
/// that table's requests), or after the joins. A table on the optional side of a left join keeps
/// its conjuncts above the join: filtering it earlier would turn missing matches into NULL rows.
struct FilterPlacement {
    /// Per table, its conjuncts rewritten over its own columns.
    var local: [[BoundExpression]]
    /// Conjuncts over several tables (or none), over the combined row.
    var residual: [BoundExpression] = []

    init(query: BoundQuery) {
        let tables = query.scope.tables
        local = Array(repeating: [], count: tables.count)
        let optional = Set(query.joins.filter { $0.kind == .left }.map(\.table))
        for conjunct in query.filters {
            let slots = conjunct.referencedColumns
            guard let owner = tables.indices.first(where: { tables[$0].slots.contains(slots.first ?? -1) }),
                slots.allSatisfy({ tables[owner].slots.contains($0) }), !optional.contains(owner)
            else {
                residual.append(conjunct)
                continue
            }
            let offset = tables[owner].offset
            local[owner].append(conjunct.remappingColumns { $0 - offset })
        }
    }
}

/// Whether a query joins a child table to its parent on the parent id.
enum ParentLink {
    /// `child` and `parent` index the query's tables; the child's parent-id column is the one
    /// its catalog entry reads from the parent record's `id`.
    static func joins(_ query: BoundQuery, child: Int, parent: Int) -> Bool {
        let tables = query.scope.tables
        guard let parentID = tables[parent].definition.columnIndex("id"),
            let childColumn = tables[child].definition.columns.firstIndex(where: { $0.source == .parent(["id"]) })
        else { return false }
        let childSlot = tables[child].offset + childColumn
        let parentSlot = tables[parent].offset + parentID
        return query.joins.contains { join in
            guard join.leftKeys.count == 1, join.rightColumns.count == 1, case .column(let leftSlot) = join.leftKeys[0] else {
                return false
            }
            let rightSlot = tables[join.table].offset + join.rightColumns[0]
            return (leftSlot == childSlot && rightSlot == parentSlot) || (leftSlot == parentSlot && rightSlot == childSlot)
        }
    }
}
