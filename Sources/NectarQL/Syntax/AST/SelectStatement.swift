/// `select [distinct] items [from table {join | where}] [group by] [having] [order by] [limit [offset]]`.
/// Joins and the one `where` may come in any order after `from`; the AST keeps joins in the
/// order written.
package struct SelectStatement: Sendable, Hashable {
    package var distinct: Bool
    package var items: [SelectItem]
    /// nil for `select 1 + 1` (no table); then there are no joins and no `where`.
    package var from: TableReference?
    package var joins: [JoinClause]
    package var whereClause: Expression?
    package var groupBy: [Expression]
    package var having: Expression?
    package var orderBy: [OrderItem]
    /// Non-negative row counts.
    package var limit: Int?
    package var offset: Int?

    package init(
        distinct: Bool = false, items: [SelectItem], from: TableReference? = nil, joins: [JoinClause] = [],
        whereClause: Expression? = nil, groupBy: [Expression] = [], having: Expression? = nil,
        orderBy: [OrderItem] = [], limit: Int? = nil, offset: Int? = nil
    ) {
        self.distinct = distinct
        self.items = items
        self.from = from
        self.joins = joins
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
    }
}

/// One entry of the select list.
package enum SelectItem: Sendable, Hashable {
    /// `*`
    case wildcard
    /// `t.*`: every column of the table or alias `t`.
    case tableWildcard(Identifier)
    /// `expr [as alias]` (the `as` is optional).
    case expression(Expression, alias: Identifier?)
}

/// `table [[as] alias]`.
package struct TableReference: Sendable, Hashable {
    package var name: Identifier
    package var alias: Identifier?

    package init(name: Identifier, alias: Identifier? = nil) {
        self.name = name
        self.alias = alias
    }

    /// The name other parts of the query use for this table: the alias if any.
    package var exposedName: String { alias?.name ?? name.name }
}

package enum JoinKind: String, Sendable, Hashable, CaseIterable {
    /// `join` or `inner join`
    case inner
    /// `left join` or `left outer join`
    case left
}

/// `[inner | left [outer]] join table [alias] on condition`.
package struct JoinClause: Sendable, Hashable {
    package var kind: JoinKind
    package var table: TableReference
    package var condition: JoinCondition

    package init(kind: JoinKind, table: TableReference, condition: JoinCondition) {
        self.kind = kind
        self.table = table
        self.condition = condition
    }
}

package enum JoinCondition: Sendable, Hashable {
    /// `on cliente_id`: a bare, unqualified, unparenthesised column; the binder resolves it
    /// through the catalog's relationships.
    case column(Identifier)
    /// `on o.cliente_id = c.id` (or any other expression, including `on (cliente_id)`).
    case expression(Expression)
}

package enum NullsOrder: String, Sendable, Hashable, CaseIterable {
    case first, last
}

/// `expr [asc | desc] [nulls first | nulls last]`.
package struct OrderItem: Sendable, Hashable {
    package var expression: Expression
    package var descending: Bool
    /// nil when the query does not say (the engine's default applies).
    package var nulls: NullsOrder?

    package init(_ expression: Expression, descending: Bool = false, nulls: NullsOrder? = nil) {
        self.expression = expression
        self.descending = descending
        self.nulls = nulls
    }
}
