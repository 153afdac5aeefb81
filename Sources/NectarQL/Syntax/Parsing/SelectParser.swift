extension TokenStream {
    /// select = "select" ["distinct"] items ["from" table {join | where}] ["group" "by" exprs]
    ///          ["having" expr] ["order" "by" order_items] ["limit" int ["offset" int]]
    mutating func parseSelect() throws(QueryError) -> SelectStatement {
        try expectWord("select")
        let distinct = skipWord("distinct")
        let (items, wildcardLocation) = try parseSelectItems()
        var select = SelectStatement(distinct: distinct, items: items)
        var allowedNext = ["'from'", "'group by'", "'having'", "'order by'", "'limit'"]
        if skipWord("from") {
            select.from = try parseTableReference()
            try parseJoinsAndWhere(into: &select)
            allowedNext = ["'join'"] + (select.whereClause == nil ? ["'where'"] : []) + allowedNext.dropFirst()
        } else if let wildcardLocation {
            throw QueryError("'*' needs a from clause to say which table's columns", at: wildcardLocation)
        }
        if skipWord("group") {
            try expectWord("by")
            select.groupBy = try parseExpressionList()
            allowedNext = ["'having'", "'order by'", "'limit'"]
        }
        if skipWord("having") {
            select.having = try parseExpression()
            allowedNext = ["'order by'", "'limit'"]
        }
        if skipWord("order") {
            try expectWord("by")
            select.orderBy = try parseOrderItems()
            allowedNext = ["'limit'"]
        }
        if skipWord("limit") {
            select.limit = try parseRowCount()
            allowedNext = ["'offset'"]
            if skipWord("offset") {
                select.offset = try parseRowCount()
                allowedNext = []
            }
        }
        try expectStatementEnd(allowing: allowedNext)
        return select
    }

    /// The statement must end here; otherwise say what could have come next.
    private func expectStatementEnd(allowing clauses: [String]) throws(QueryError) {
        if case .endOfInput = current.kind { return }
        if current.isSymbol(.semicolon) { return }
        if let refusal = UnsupportedSQL.refusal(of: current, at: .afterSelect) { throw refusal }
        throw expected((clauses + ["';'"]).joined(separator: ", ") + " or the end of the statement")
    }

    /// Returns the items and where a bare `*` was written (it needs a from clause).
    private mutating func parseSelectItems() throws(QueryError) -> ([SelectItem], SourceLocation?) {
        var items: [SelectItem] = []
        var wildcardLocation: SourceLocation?
        repeat {
            if current.isSymbol(.star) {
                wildcardLocation = wildcardLocation ?? current.location
                advance()
                items.append(.wildcard)
            } else if current.identifierName != nil, peek().isSymbol(.dot), peek(2).isSymbol(.star) {
                let table = try parseIdentifier("a table name")
                advance()
                advance()
                items.append(.tableWildcard(table))
            } else {
                let expression = try parseExpression(expecting: "an expression or '*'")
                items.append(.expression(expression, alias: try parseAlias()))
            }
        } while skip(.comma)
        return (items, wildcardLocation)
    }

    /// ["as"] name — the `as` is optional; a bare alias cannot be a reserved word.
    private mutating func parseAlias() throws(QueryError) -> Identifier? {
        if skipWord("as") { return try parseIdentifier("an alias") }
        guard current.identifierName != nil else { return nil }
        return try parseIdentifier("an alias")
    }

    private mutating func parseTableReference() throws(QueryError) -> TableReference {
        if let refusal = UnsupportedSQL.derivedTable(at: current) { throw refusal }
        let name = try parseIdentifier("a table name")
        return TableReference(name: name, alias: try parseAlias())
    }

    /// Any number of joins and at most one where, in any order.
    private mutating func parseJoinsAndWhere(into select: inout SelectStatement) throws(QueryError) {
        while true {
            if let kind = try parseJoinKind() {
                select.joins.append(try parseJoin(kind))
            } else if current.isWord("where") {
                if select.whereClause != nil {
                    throw QueryError("a select has at most one 'where'; combine the conditions with 'and'", at: current.location)
                }
                advance()
                select.whereClause = try parseExpression()
            } else {
                return
            }
        }
    }

    /// "join" | "inner" "join" | "left" ["outer"] "join"; nil when no join starts here.
    private mutating func parseJoinKind() throws(QueryError) -> JoinKind? {
        if skipWord("join") { return .inner }
        if skipWord("inner") {
            try expectWord("join")
            return .inner
        }
        if skipWord("left") {
            _ = skipWord("outer")
            try expectWord("join")
            return .left
        }
        for unsupported in ["right", "full", "cross", "natural"] where current.isWord(unsupported) {
            throw QueryError("'\(unsupported)' joins are not supported; use 'join' or 'left join'", at: current.location)
        }
        return nil
    }

    /// table ["as"] alias "on" (column | expression)
    private mutating func parseJoin(_ kind: JoinKind) throws(QueryError) -> JoinClause {
        let table = try parseTableReference()
        try expectWord("on")
        let start = position
        let condition = try parseExpression()
        if position == start + 1, case let .column(column) = condition.kind, column.table == nil {
            return JoinClause(kind: kind, table: table, condition: .column(Identifier(column.name, at: condition.location)))
        }
        return JoinClause(kind: kind, table: table, condition: .expression(condition))
    }

    private mutating func parseOrderItems() throws(QueryError) -> [OrderItem] {
        var items: [OrderItem] = []
        repeat {
            var item = OrderItem(try parseExpression())
            if skipWord("desc") {
                item.descending = true
            } else {
                _ = skipWord("asc")
            }
            if skipWord("nulls") {
                if skipWord("first") {
                    item.nulls = .first
                } else if skipWord("last") {
                    item.nulls = .last
                } else {
                    throw expected("'first' or 'last'")
                }
            }
            items.append(item)
        } while skip(.comma)
        return items
    }

    private mutating func parseRowCount() throws(QueryError) -> Int {
        guard case let .integer(count) = current.kind else { throw expected("a row count (a whole number)") }
        advance()
        return count
    }
}
