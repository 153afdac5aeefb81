import NectarSyntax
import Testing

/// What the shell reads, split into statements and dot-command lines (sqlite3's rule: a line
/// starting with `.` where no statement is open).
@Suite struct ShellScriptTests {
    func describe(_ items: [ScriptItem]) -> [String] {
        items.map { item in
            switch item {
            case .statement(let piece): "sql@\(piece.location.line):\(piece.location.column) \(piece.text)"
            case .directive(let text, let line): "dot@\(line) \(text)"
            }
        }
    }

    @Test func dotCommandLinesBetweenStatements() {
        let split = ShellScript.split(".mode csv\nselect 1;\n  .headers off  \nselect 2;\n")
        #expect(describe(split.items) == ["dot@1 .mode csv", "sql@2:1 select 1", "dot@3 .headers off", "sql@4:1 select 2"])
        #expect(split.unterminated == nil)
    }

    @Test func aDotInsideAnOpenStatementIsStatementText() {
        let split = ShellScript.split("select\n.5 as half;\nselect ';\n.mode csv';")
        #expect(describe(split.items) == ["sql@1:1 select\n.5 as half", "sql@3:1 select ';\n.mode csv'"])
    }

    @Test func aDotAfterSomethingElseOnItsLineIsNotADirective() {
        // After `;` or a comment on the same line the `.` starts a statement, which then fails to parse.
        let split = ShellScript.split("select 1; .mode csv\n/* c */ .timer on\n")
        #expect(describe(split.items) == ["sql@1:1 select 1"])
        #expect(split.unterminated?.text == ".mode csv\n/* c */ .timer on")
    }

    @Test func theTextAfterTheLastSemicolonIsUnterminated() throws {
        let split = ShellScript.split("select 1;\n-- note\nselect nome\n  from contatos -- open")
        #expect(describe(split.items) == ["sql@1:1 select 1"])
        let open = try #require(split.unterminated)
        #expect(open.text == "select nome\n  from contatos")
        #expect(open.location.line == 3)
        #expect(open.location.offset == "select 1;\n-- note\n".utf8.count)
    }

    @Test func commentsAndBlankLinesAroundDirectivesAreSkipped() {
        let split = ShellScript.split("-- setup\n\n   .once out.csv\n\n/* the query */\nselect 2;")
        #expect(describe(split.items) == ["dot@3 .once out.csv", "sql@6:1 select 2"])
    }
}
