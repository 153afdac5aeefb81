/// AST → canonical text: lower-case keywords, single spaces, only the parentheses precedence
/// needs, names quoted only when they must be. `Parser.parseStatement(Printer.print(s)) == s`.
/// The binder uses `print(_ expression:)` as the column name of an unaliased select item.
package enum Printer {
    package static func print(_ statement: Statement) -> String {
        switch statement {
        case let .select(select): print(select)
        case let .explain(select): "explain " + print(select)
        case let .describe(table): "describe " + name(table.name)
        case .showTables: "show tables"
        }
    }

    package static func print(_ select: SelectStatement) -> String {
        var parts = ["select"]
        if select.distinct { parts.append("distinct") }
        parts.append(select.items.map(print).joined(separator: ", "))
        if let from = select.from { parts += ["from", print(from)] }
        parts += select.joins.map(print)
        if let condition = select.whereClause { parts += ["where", print(condition)] }
        if !select.groupBy.isEmpty { parts += ["group by", select.groupBy.map(print).joined(separator: ", ")] }
        if let having = select.having { parts += ["having", print(having)] }
        if !select.orderBy.isEmpty { parts += ["order by", select.orderBy.map(print).joined(separator: ", ")] }
        if let limit = select.limit { parts += ["limit", String(limit)] }
        if let offset = select.offset { parts += ["offset", String(offset)] }
        return parts.joined(separator: " ")
    }

    package static func print(_ expression: Expression) -> String {
        ExpressionPrinter.text(of: expression)
    }

    /// A name as it must be written: bare when it reads back as itself, else `"quoted"`.
    package static func name(_ name: String) -> String {
        IdentifierRules.isPlain(name) ? name : name.quoted(with: "\"")
    }

    static func print(_ item: SelectItem) -> String {
        switch item {
        case .wildcard: "*"
        case let .tableWildcard(table): name(table.name) + ".*"
        case let .expression(expression, alias?): print(expression) + " as " + name(alias.name)
        case let .expression(expression, nil): print(expression)
        }
    }

    static func print(_ table: TableReference) -> String {
        guard let alias = table.alias else { return name(table.name.name) }
        return name(table.name.name) + " " + name(alias.name)
    }

    static func print(_ join: JoinClause) -> String {
        let keyword = join.kind == .left ? "left join" : "join"
        switch join.condition {
        case let .column(column): return "\(keyword) \(print(join.table)) on \(name(column.name))"
        // Parenthesise a lone column so it does not read back as the `on column` shorthand.
        case let .expression(condition) where condition.isUnqualifiedColumn:
            return "\(keyword) \(print(join.table)) on (\(print(condition)))"
        case let .expression(condition): return "\(keyword) \(print(join.table)) on \(print(condition))"
        }
    }

    static func print(_ item: OrderItem) -> String {
        var text = print(item.expression)
        if item.descending { text += " desc" }
        if let nulls = item.nulls { text += " nulls " + nulls.rawValue }
        return text
    }
}

extension Expression {
    var isUnqualifiedColumn: Bool {
        if case let .column(column) = kind { return column.table == nil }
        return false
    }
}
