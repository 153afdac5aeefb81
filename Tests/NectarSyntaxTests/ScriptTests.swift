@testable import NectarSyntax
import Testing

@Suite("Scripts: several statements separated by ';'")
struct ScriptTests {
    @Test func statementsWithTextAndLocations() throws {
        let script = """
            -- daily report
            show tables;
            select nome
              from contatos; /* done */ describe contatos
            """
        let parsed = try Parser.parseScript(script)
        #expect(parsed.map(\.statement) == [
            .showTables,
            .select(SelectStatement(items: [.expression(column("nome"), alias: nil)], from: TableReference(name: Identifier("contatos")))),
            .describe(Identifier("contatos")),
        ])
        #expect(parsed.map(\.text) == ["show tables", "select nome\n  from contatos", "describe contatos"])
        #expect(parsed.map(\.location.line) == [2, 3, 4])
        #expect(parsed[2].location == SourceLocation(offset: 69, line: 4, column: 29))
    }

    @Test func lastSemicolonIsOptionalAndEmptyStatementsAreSkipped() throws {
        #expect(try Parser.parseScript(";; show tables ;;\n; ").map(\.statement) == [.showTables])
        #expect(try Parser.parseScript("show tables; show tables;").count == 2)
        #expect(try Parser.parseScript("  -- only a comment\n/* and another */").isEmpty)
        #expect(try Parser.parseScript("").isEmpty)
    }

    @Test func semicolonsInsideStringsNamesAndCommentsDoNotSplit() throws {
        let parsed = try Parser.parseScript("select 'a;b' as \"x;y\" -- c;d\n; /* e;f */ show tables")
        #expect(parsed.count == 2)
        #expect(parsed[0].statement == .select(SelectStatement(items: [.expression(text("a;b"), alias: Identifier("x;y"))])))
    }

    @Test func errorsInLaterStatementsUseTheScriptsLineNumbers() {
        let script = "show tables;\n\nselect nome\nfrom contatos where;\nshow tables"
        #expect(throws: QueryError.self) { try Parser.parseScript(script) }
        do {
            _ = try Parser.parseScript(script)
        } catch {
            #expect(error.rendered(source: script, origin: "daily.nql") == """
                daily.nql:4:20: error: expected an expression after 'where', found the end of the statement
                from contatos where;
                                   ^
                """)
        }
    }

    @Test func anUnterminatedStringInALaterStatementIsReportedAtItsStart() {
        let script = "show tables;\nselect 'oops; show tables"
        #expect(throws: QueryError("unterminated string: no closing ' before the end of the text", at: SourceLocation(offset: 20, line: 2, column: 8))) {
            try Parser.parseScript(script)
        }
    }

    @Test func splitterKeepsPiecesWithoutParsingThem() {
        let pieces = StatementSplitter.split("select 1;\n  oops not sql ;select 'x;'")
        #expect(pieces.map(\.text) == ["select 1", "oops not sql", "select 'x;'"])
        #expect(pieces.map(\.location) == [
            SourceLocation(offset: 0, line: 1, column: 1),
            SourceLocation(offset: 12, line: 2, column: 3),
            SourceLocation(offset: 26, line: 2, column: 17),
        ])
    }

    @Test func anUnterminatedCommentAfterAStatementIsKeptSoItIsReported() {
        #expect(StatementSplitter.split("select 1; /* open").map(\.text) == ["select 1", "/* open"])
        #expect(throws: QueryError.self) { try Parser.parseScript("select 1; /* open") }
    }

    @Test func aStatementCanBeParsedAtItsPlaceInALargerText() {
        let start = SourceLocation(offset: 40, line: 3, column: 5)
        #expect(throws: QueryError("expected a table name after 'from', found the end of the statement", at: SourceLocation(offset: 56, line: 3, column: 21))) {
            try Parser.parseStatement("select nome from", startingAt: start)
        }
        #expect(throws: QueryError("expected an expression after 'where', found 'join'", at: SourceLocation(offset: 62, line: 4, column: 7))) {
            try Parser.parseStatement("select 1 from t\nwhere join", startingAt: start)
        }
    }
}
