import NectarCatalog
import NectarSemantics
import NectarSyntax

/// Binds a join's condition. `on cliente_id` is resolved through the catalog's relationships:
/// a column of the tables already in the query that references the joined table, or a column of
/// the joined table that references one of them. `on <expression>` splits into equality keys
/// (left side = earlier tables, right side = the joined table) and a residual.
struct JoinBinder {
    /// The scope including the joined table (the last one).
    let scope: Scope
    let time: ZonedTime

    func bind(_ join: JoinClause, table index: Int) throws -> BoundJoin {
        switch join.condition {
        case .column(let name): return try bindShorthand(name, join: join, table: index)
        case .expression(let node): return try bindExpression(node, join: join, table: index)
        }
    }

    private func bindShorthand(_ name: Identifier, join: JoinClause, table index: Int) throws -> BoundJoin {
        let joined = scope.tables[index]
        let earlier = scope.tables[..<index]
        // A column of an earlier table that references the joined table…
        for (position, table) in zip(earlier.indices, earlier) {
            guard let relation = table.definition.relationships.first(where: {
                $0.column == name.name && $0.referencedTable == joined.definition.name
            }), let right = joined.definition.columnIndex(relation.referencedColumn) else { continue }
            let left = try scope.column(name.name, in: position, at: name.location)
            return BoundJoin(
                kind: join.kind, table: index, leftKeys: [.column(left.slot)], rightColumns: [right], residual: nil,
                text: "\(table.exposedName).\(name.name) = \(joined.exposedName).\(relation.referencedColumn)")
        }
        // …or a column of the joined table that references an earlier one.
        if let relation = joined.definition.relationships.first(where: { $0.column == name.name }),
            let position = earlier.indices.first(where: { scope.tables[$0].definition.name == relation.referencedTable }) {
            let target = try scope.column(relation.referencedColumn, in: position, at: name.location)
            return BoundJoin(
                kind: join.kind, table: index, leftKeys: [.column(target.slot)],
                rightColumns: [joined.definition.columnIndex(name.name)!], residual: nil,
                text: "\(scope.tables[position].exposedName).\(relation.referencedColumn) = \(joined.exposedName).\(name.name)")
        }
        throw noRelationship(name, joined: joined, earlier: Array(earlier))
    }

    private func noRelationship(_ name: Identifier, joined: BoundTable, earlier: [BoundTable]) -> QueryError {
        let usable = (earlier.flatMap { table in
            table.definition.relationships.filter { $0.referencedTable == joined.definition.name }.map(\.column)
        } + joined.definition.relationships.filter { relation in
            earlier.contains { $0.definition.name == relation.referencedTable }
        }.map(\.column))
        let names = earlier.map(\.exposedName).joined(separator: ", ")
        var message = "cannot join \(joined.definition.name) on '\(name.name)': no relationship of the seed links it to \(names) through that column"
        if let suggestion = Suggestion.closest(to: name.name, among: usable) ?? usable.first {
            message += "; did you mean on \(suggestion)?"
        } else {
            message += "; write the condition out, e.g. on a.x = b.y"
        }
        return QueryError(message, at: name.location)
    }

    private func bindExpression(_ node: Expression, join: JoinClause, table index: Int) throws -> BoundJoin {
        let binder = ExpressionBinder(scope: scope, time: time)
        let condition = try binder.expect(.boolean, try binder.bind(node), node, role: "'on'")
        let joinedSlots = scope.tables[index].slots
        var leftKeys: [BoundExpression] = []
        var rightColumns: [Int] = []
        var residual: [BoundExpression] = []
        for conjunct in condition.expression.conjuncts {
            if case .comparison(.equal, let a, let b) = conjunct,
                let pair = Self.keyPair(a, b, joinedSlots: joinedSlots) ?? Self.keyPair(b, a, joinedSlots: joinedSlots) {
                leftKeys.append(pair.left)
                rightColumns.append(pair.rightColumn)
            } else {
                residual.append(conjunct)
            }
        }
        return BoundJoin(
            kind: join.kind, table: index, leftKeys: leftKeys, rightColumns: rightColumns,
            residual: BoundExpression.conjunction(residual), text: Printer.print(node))
    }

    /// `left = right` where left reads only earlier tables and right is a column of the joined table.
    private static func keyPair(_ left: BoundExpression, _ right: BoundExpression, joinedSlots: Range<Int>) -> (left: BoundExpression, rightColumn: Int)? {
        guard case .column(let slot) = right, joinedSlots.contains(slot) else { return nil }
        let leftSlots = left.referencedColumns
        guard !leftSlots.isEmpty, leftSlots.allSatisfy({ $0 < joinedSlots.lowerBound }) else { return nil }
        return (left, slot - joinedSlots.lowerBound)
    }
}
