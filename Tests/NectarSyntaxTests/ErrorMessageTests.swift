@testable import NectarSyntax
import Testing

@Suite("Syntax errors name the place, the token and what was expected")
struct ErrorMessageTests {
    @Test func theIssueExampleRendersExactly() {
        let rendered = renderedError("select nome from oportunidades where join contatos on cliente_id")
        #expect(rendered == """
            error: 1:38: expected an expression after 'where', found 'join'
            select nome from oportunidades where join contatos on cliente_id
                                                 ^
            """)
    }

    @Test(arguments: [
        ("selec nome from t", "1:1", "expected a statement (select, explain, describe or show tables), found 'selec'"),
        ("select from t", "1:8", "expected an expression or '*' after 'select', found 'from'"),
        ("select nome from", "1:17", "expected a table name after 'from', found the end of the statement"),
        ("select nome from where", "1:18", "expected a table name after 'from', found 'where'"),
        ("select a from t join u", "1:23", "expected 'on' after 'u', found the end of the statement"),
        ("select a from t join u on", "1:26", "expected an expression after 'on', found the end of the statement"),
        ("select a from t where x = 1 where y = 2", "1:29", "a select has at most one 'where'; combine the conditions with 'and'"),
        ("select a from t x y", "1:19", "expected 'join', 'where', 'group by', 'having', 'order by', 'limit', ';' or the end of the statement after 'x', found 'y'"),
        ("select a from t order by a limit 5 where x", "1:36", "expected 'offset', ';' or the end of the statement after '5', found 'where'"),
        ("select a from t group a", "1:23", "expected 'by' after 'group', found 'a'"),
        ("select a from t limit ten", "1:23", "expected a row count (a whole number) after 'limit', found 'ten'"),
        ("select a from t limit -1", "1:23", "expected a row count (a whole number) after 'limit', found '-'"),
        ("select (1 + 2", "1:14", "expected ')' after '2', found the end of the statement"),
        ("select f(1 2)", "1:12", "expected ',' or ')' after '1', found '2'"),
        ("select x in (1, 2 from t", "1:19", "expected ',' or ')' after '2', found 'from'"),
        ("select x is nul", "1:13", "expected 'null' after 'is', found 'nul'"),
        ("select x between 1 or 2", "1:20", "expected 'and' after '1', found 'or'"),
        ("select cast(x as number)", "1:18", "expected a type (float, text, boolean, timestamp, integer) after 'as', found 'number'"),
        ("select case x end", "1:15", "expected 'when' after 'x', found 'end'"),
        ("select case when a then b", "1:26", "expected 'when', 'else' or 'end' after 'b', found the end of the statement"),
        ("select a as from t", "1:13", "expected an alias after 'as', found 'from'"),
        ("select * ", "1:8", "'*' needs a from clause to say which table's columns"),
        ("select a from t where t.* = 1", "1:25", "'t.*' is only allowed in the select list"),
        ("select a from t right join u on x", "1:17", "'right' joins are not supported; use 'join' or 'left join'"),
        ("explain show tables", "1:9", "expected 'select' (only select statements can be explained) after 'explain', found 'show'"),
        ("show table", "1:6", "expected 'tables' after 'show', found 'table'"),
        ("select 1 select 2", "1:10", "expected 'from', 'group by', 'having', 'order by', 'limit', ';' or the end of the statement after '1', found 'select'"),
        ("select 1; select 2", "1:11", "unexpected 'select' after the statement; separate statements with ';'"),
        ("select a # b", "1:10", "unexpected character '#'"),
        ("select 12abc", "1:8", "invalid number '12abc'; names cannot start with a digit (quote them: \"12abc\")"),
        ("select \"\" from t", "1:8", "a quoted name cannot be empty"),
        ("select 1e999", "1:8", "number '1e999' is too large"),
        ("select a order by a nulls middle", "1:27", "expected 'first' or 'last' after 'nulls', found 'middle'"),
        ("select a from t where id in (select 1)", "1:30", "subqueries are not supported; run the inner select on its own, or use a join"),
        ("select (select 1)", "1:9", "subqueries are not supported; run the inner select on its own, or use a join"),
        ("select a from (select 1)", "1:15", "a subquery in 'from' is not supported; select from the table itself and filter with where"),
        ("select a from t union select b from u", "1:17", "union is not supported; run each select as its own statement (separated by ';')"),
        ("select a from t where x = 1 except select 1", "1:29", "except is not supported; use 'not in (…)' with a list of values, or a left join and 'is null'"),
        ("with x as (select 1) select * from x", "1:1", "with (common table expressions) is not supported; run the inner select as its own statement"),
        ("delete from contatos", "1:1", "NectarQL only reads the account: insert, update and delete are not supported"),
    ])
    func messages(input: String, place: String, message: String) {
        let error = parseError(input)
        #expect(error?.message == message)
        #expect(error?.location.map(\.description) == place)
    }

    @Test func unterminatedStringIsReportedAtItsStart() {
        #expect(renderedError("select nome from contatos\nwhere nome = 'Maria\nand x = 1") == """
            error: 2:14: unterminated string: no closing ' before the end of the text
            where nome = 'Maria
                         ^
            """)
    }

    @Test func unterminatedQuotedNameIsReportedAtItsStart() {
        #expect(parseError("select \"Nome from t")?.location == SourceLocation(offset: 7, line: 1, column: 8))
        #expect(parseError("select \"Nome from t")?.message == "unterminated quoted name: no closing \" before the end of the text")
    }

    @Test func unterminatedCommentIsReportedAtItsStart() {
        #expect(renderedError("select 1 /* note\n still a comment") == """
            error: 1:10: unterminated comment: '/*' has no closing '*/'
            select 1 /* note
                     ^
            """)
    }

    @Test func endOfInputIsReportedJustAfterTheLastToken() {
        let expected = [
            "error: 1:17: expected a table name after 'from', found the end of the statement",
            "select nome from   ",
            "                ^",
        ]
        #expect(renderedError("select nome from   \n\n") == expected.joined(separator: "\n"))
    }

    @Test func caretLinesUpUnderTabsAndAccents() {
        #expect(renderedError("select\tação,\t from t") == """
            error: 1:15: expected an expression or '*' after ',', found 'from'
            select\tação,\t from t
                  \t     \t ^
            """)
    }

    @Test func renderingWithAnOriginAndWithoutALocation() {
        let error = QueryError("expected an expression after 'where', found 'join'", at: SourceLocation(offset: 37, line: 1, column: 38))
        let source = "select nome from oportunidades where join contatos on cliente_id"
        #expect(error.rendered(source: source, origin: "q.nql") == """
            q.nql:1:38: error: expected an expression after 'where', found 'join'
            select nome from oportunidades where join contatos on cliente_id
                                                 ^
            """)
        #expect(QueryError("connection refused", at: nil).rendered(source: source) == "error: connection refused")
        #expect(QueryError("connection refused", at: nil).rendered(source: source, origin: "q.nql") == "q.nql: error: connection refused")
        #expect(error.description == "1:38: expected an expression after 'where', found 'join'")
    }

    @Test func renderingHandlesWindowsLineEndings() {
        let error = QueryError("boom", at: SourceLocation(offset: 11, line: 2, column: 3))
        #expect(error.rendered(source: "select 1\r\nfrom x\r\n") == "error: 2:3: boom\nfrom x\n  ^")
    }
}
