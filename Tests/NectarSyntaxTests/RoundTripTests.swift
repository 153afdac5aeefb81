@testable import NectarSyntax
import Testing

@Suite("Printer: canonical text that parses back to the same tree")
struct RoundTripTests {
    @Test func generatedStatementsSurvivePrintThenParse() throws {
        var generator = ASTGenerator(random: SeededRandom(seed: 20_260_129))
        for index in 0..<2_000 {
            let statement = generator.statement()
            let text = Printer.print(statement)
            do {
                let reparsed = try Parser.parseStatement(text)
                #expect(reparsed == statement, "case \(index): \(text)")
                if reparsed != statement { return }
            } catch {
                Issue.record("case \(index): \(error.rendered(source: text))")
                return
            }
        }
    }

    @Test(arguments: [
        ("select nome,valortotal*2 from oportunidades where status=2 join contatos on cliente_id",
         "select nome, valortotal * 2 from oportunidades join contatos on cliente_id where status = 2"),
        ("SELECT COUNT(*) AS n FROM t", "select count(*) as n from t"),
        ("select (a + b) * c, a + (b * c), (a - b) - c, a - (b - c)", "select (a + b) * c, a + b * c, a - b - c, a - (b - c)"),
        ("select not (a and b), (not a) and b, - (-x), -(x + 1)", "select not (a and b), not a and b, -(-x), -(x + 1)"),
        ("select x from t inner join u on (k) left outer join v as w on w.id = t.id", "select x from t join u on (k) left join v w on w.id = t.id"),
        ("select \"Nome\", \"select\", ação, \"a\"\"b\" from \"Tabela\"", "select \"Nome\", \"select\", ação, \"a\"\"b\" from \"Tabela\""),
        ("select 'it''s', 1.50, 2e3, true, null", "select 'it''s', 1.5, 2000.0, true, null"),
        ("select a != b, a <> b", "select a <> b, a <> b"),
        ("select x order by x asc nulls first, y desc limit 5 offset 10", "select x order by x nulls first, y desc limit 5 offset 10"),
        ("select case  when a then 1 else 2 end, cast(x as TEXT), count(DISTINCT y)", "select case when a then 1 else 2 end, cast(x as text), count(distinct y)"),
        ("explain select 1", "explain select 1"),
        ("describe Contatos", "describe contatos"),
    ])
    func canonicalText(input: String, expected: String) throws {
        let statement = try parseOrRecord(input)
        #expect(Printer.print(statement) == expected)
    }

    @Test func expressionTextNamesUnaliasedColumns() throws {
        #expect(Printer.print(try Parser.parseExpression("COUNT( * )")) == "count(*)")
        #expect(Printer.print(try Parser.parseExpression("valortotal*2")) == "valortotal * 2")
        #expect(Printer.print(try Parser.parseExpression("o.Nome")) == "o.nome")
    }
}
