@testable import NectarSyntax
import Testing

@Suite("REPL completeness (psql-like)")
struct CompletenessTests {
    @Test(arguments: [
        "select 1",
        "select 1;",
        "select nome from contatos",
        "select nome\nfrom contatos\nwhere id = 1",
        "show tables",
        "select nome from t where;",             // wrong, but ';' says run it (and report)
        "select 1; select 2",
        "select 1 -- trailing comment",
        "",
        "   \n",
        "-- just a comment",
        "select 'a;b'",
    ])
    func complete(buffer: String) {
        #expect(StatementCompleteness.isComplete(buffer))
    }

    @Test(arguments: [
        "select",
        "select nome from",
        "select nome from contatos where",
        "select count(",
        "select (1 + 2",
        "select 'unfinished",
        "select 'unfinished;",
        "select \"Name;",
        "select 1 /* open comment;",
        "select 1; select",
        "select nome from t where x = 1 and",
        "select case when a then b",
    ])
    func incomplete(buffer: String) {
        #expect(!StatementCompleteness.isComplete(buffer))
    }
}
