/// `select [distinct] items [from table {join | where}] [group by] [having] [order by] [limit [offset]]`.
/// Joins and the one `where` may come in any order after `from`; the AST keeps joins in the
/// order written.
public struct SelectStatement: Sendable, Hashable {
    public var distinct: Bool
    public var items: [SelectItem]
    /// nil for `select 1 + 1` (no table); then there are no joins and no `where`.
    public var from: TableReference?
    public var joins: [JoinClause]
    public var whereClause: Expression?
    public var groupBy: [Expression]
    public var having: Expression?
    public var orderBy: [OrderItem]
    /// Non-negative row counts.
    public var limit: Int?
    public var offset: Int?

    public init(
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
public enum SelectItem: Sendable, Hashable {
    /// `*`
    case wildcard
    /// `t.*`: every column of the table or alias `t`.
    case tableWildcard(Identifier)
    /// `expr [as alias]` (the `as` is optional).
    case expression(Expression, alias: Identifier?)
}

/// `table [[as] alias]`.
public struct TableReference: Sendable, Hashable {
    public var name: Identifier
    public var alias: Identifier?

    public init(name: Identifier, alias: Identifier? = nil) {
        self.name = name
        self.alias = alias
    }

    /// The name other parts of the query use for this table: the alias if any.
    public var exposedName: String { alias?.name ?? name.name }
}

public enum JoinKind: String, Sendable, Hashable, CaseIterable {
    /// `join` or `inner join`
    case inner
    /// `left join` or `left outer join`
    case left
}

/// `[inner | left [outer]] join table [alias] on condition`.
public struct JoinClause: Sendable, Hashable {
    public var kind: JoinKind
    public var table: TableReference
    public var condition: JoinCondition

    public init(kind: JoinKind, table: TableReference, condition: JoinCondition) {
        self.kind = kind
        self.table = table
        self.condition = condition
    }
}

public enum JoinCondition: Sendable, Hashable {
    /// `on cliente_id`: a bare, unqualified, unparenthesised column; the binder resolves it
    /// through the catalog's relationships.
    case column(Identifier)
    /// `on o.cliente_id = c.id` (or any other expression, including `on (cliente_id)`).
    case expression(Expression)
}

public enum NullsOrder: String, Sendable, Hashable, CaseIterable {
    case first, last
}

/// `expr [asc | desc] [nulls first | nulls last]`.
public struct OrderItem: Sendable, Hashable {
    public var expression: Expression
    public var descending: Bool
    /// nil when the query does not say (the engine's default applies).
    public var nulls: NullsOrder?

    public init(_ expression: Expression, descending: Bool = false, nulls: NullsOrder? = nil) {
        self.expression = expression
        self.descending = descending
        self.nulls = nulls
    }
}
