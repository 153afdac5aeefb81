/// The entry points of the hand-written recursive-descent parser that follows
/// `Grammar/NectarQL.ebnf`.
package enum Parser {
    /// The deepest nesting accepted, both of parentheses/sub-expressions while parsing and of
    /// the resulting expression tree (e.g. 200 nested parentheses, or `a = b = c = …`). Deeper input is refused
    /// with a `QueryError` instead of risking a stack overflow here or in later layers.
    package static let maximumDepth = 200

    /// Parses exactly one statement; a single trailing `;` is allowed.
    package static func parseStatement(_ text: String) throws(QueryError) -> Statement {
        try parseStatement(text, startingAt: .start)
    }

    /// Parses one statement that starts at `start` inside a larger text (a script), so
    /// locations in errors and in the AST are those of the larger text.
    package static func parseStatement(_ text: String, startingAt start: SourceLocation) throws(QueryError) -> Statement {
        var stream = TokenStream(try Lexer.tokenize(text, startingAt: start))
        let statement = try stream.parseStatement()
        _ = stream.skip(.semicolon)
        try stream.expectEnd(after: "the statement")
        return statement
    }

    /// Parses a script: statements separated by `;` (the last one optional). Empty statements
    /// (`;;`, comment-only) are skipped. Errors carry the script's line numbers.
    package static func parseScript(_ text: String) throws(QueryError) -> [ParsedStatement] {
        var parsed: [ParsedStatement] = []
        for piece in StatementSplitter.split(text) {
            let statement = try parseStatement(piece.text, startingAt: piece.location)
            parsed.append(ParsedStatement(statement: statement, text: piece.text, location: piece.location))
        }
        return parsed
    }

    /// Parses a lone expression (e.g. for tests or a future `.filter` command).
    package static func parseExpression(_ text: String) throws(QueryError) -> Expression {
        var stream = TokenStream(try Lexer.tokenize(text))
        let expression = try stream.parseExpression()
        try stream.expectEnd(after: "the expression")
        return expression
    }
}
