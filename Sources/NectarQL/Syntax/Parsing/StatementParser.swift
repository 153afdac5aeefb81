extension TokenStream {
    /// statement = select | "explain" select | "describe" name | "show" "tables"
    mutating func parseStatement() throws(QueryError) -> Statement {
        if current.isWord("select") { return .select(try parseSelect()) }
        if skipWord("explain") {
            guard current.isWord("select") else { throw expected("'select' (only select statements can be explained)") }
            return .explain(try parseSelect())
        }
        if skipWord("describe") { return .describe(try parseIdentifier("a table name")) }
        if skipWord("show") {
            try expectWord("tables")
            return .showTables
        }
        if let refusal = UnsupportedSQL.refusal(of: current, at: .statementStart) { throw refusal }
        throw expected("a statement (select, explain, describe or show tables)")
    }
}
