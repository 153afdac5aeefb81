@testable import NectarSyntax
import Testing

@Suite("Select statements")
struct SelectTests {
    @Test func theIssueExampleJoinsAfterWhere() throws {
        let select = try parseSelect("select nome, valortotal from oportunidades where status = 2 join contatos on cliente_id")
        #expect(select.items == [.expression(column("nome"), alias: nil), .expression(column("valortotal"), alias: nil)])
        #expect(select.from == TableReference(name: Identifier("oportunidades")))
        #expect(select.whereClause == binary(.equal, column("status"), integer(2)))
        #expect(select.joins == [JoinClause(kind: .inner, table: TableReference(name: Identifier("contatos")), condition: .column(Identifier("cliente_id")))])
    }

    @Test func joinsAndWhereInAnyOrderKeepJoinOrder() throws {
        let select = try parseSelect("select 1 from a join b on x where y > 1 left join c on z")
        #expect(select.joins.map(\.table.name.name) == ["b", "c"])
        #expect(select.joins.map(\.kind) == [.inner, .left])
        #expect(select.whereClause != nil)
    }

    @Test func joinKinds() throws {
        let select = try parseSelect("select 1 from a inner join b on x left outer join c on y left join d on z join e on w")
        #expect(select.joins.map(\.kind) == [.inner, .left, .left, .inner])
    }

    @Test func joinConditionShorthandOnlyForABareColumn() throws {
        let select = try parseSelect("select 1 from o join c on cliente_id join d on (cliente_id) join e on o.id = e.oid join f on f.id")
        #expect(select.joins[0].condition == .column(Identifier("cliente_id")))
        #expect(select.joins[1].condition == .expression(column("cliente_id")))
        #expect(select.joins[2].condition == .expression(binary(.equal, column("id", of: "o"), column("oid", of: "e"))))
        #expect(select.joins[3].condition == .expression(column("id", of: "f")))
    }

    @Test func joinShorthandCarriesTheColumnLocation() throws {
        let select = try parseSelect("select 1 from o join c on cliente_id")
        guard case let .column(name) = select.joins[0].condition else { return #expect(Bool(false)) }
        #expect(name.location == SourceLocation(offset: 26, line: 1, column: 27))
    }

    @Test func aliasesWithAndWithoutAs() throws {
        let select = try parseSelect("select nome n, valortotal as v, count(*) total from oportunidades o join contatos as c on cliente_id")
        #expect(select.items == [
            .expression(column("nome"), alias: Identifier("n")),
            .expression(column("valortotal"), alias: Identifier("v")),
            .expression(Expression(.function(FunctionCall(name: "count", arguments: .star))), alias: Identifier("total")),
        ])
        #expect(select.from == TableReference(name: Identifier("oportunidades"), alias: Identifier("o")))
        #expect(select.joins[0].table == TableReference(name: Identifier("contatos"), alias: Identifier("c")))
        #expect(select.from?.exposedName == "o")
    }

    @Test func contextualKeywordsAreNamesElsewhere() throws {
        let select = try parseSelect("select first, last desc from tables order by desc desc nulls first")
        #expect(select.items == [.expression(column("first"), alias: nil), .expression(column("last"), alias: Identifier("desc"))])
        #expect(select.from?.name.name == "tables")
        #expect(select.orderBy == [OrderItem(column("desc"), descending: true, nulls: .first)])
    }

    @Test func wildcards() throws {
        let select = try parseSelect("select *, c.* from contatos c")
        #expect(select.items == [.wildcard, .tableWildcard(Identifier("c"))])
    }

    @Test func distinctGroupHavingOrderLimitOffset() throws {
        let select = try parseSelect("""
            select distinct status, sum(valortotal) from oportunidades
            group by status, responsavel having sum(valortotal) > 10
            order by 2 desc, status asc nulls last, responsavel nulls first limit 10 offset 20
            """)
        #expect(select.distinct)
        #expect(select.groupBy == [column("status"), column("responsavel")])
        #expect(select.having == binary(.greater, call("sum", column("valortotal")), integer(10)))
        #expect(select.orderBy == [
            OrderItem(integer(2), descending: true),
            OrderItem(column("status"), nulls: .last),
            OrderItem(column("responsavel"), nulls: .first),
        ])
        #expect(select.limit == 10)
        #expect(select.offset == 20)
    }

    @Test func selectWithoutFrom() throws {
        let select = try parseSelect("select 1 + 1 as two")
        #expect(select.from == nil)
        #expect(select.items == [.expression(binary(.add, integer(1), integer(1)), alias: Identifier("two"))])
    }

    @Test func otherStatements() throws {
        #expect(try parseOrRecord("show tables") == .showTables)
        #expect(try parseOrRecord("SHOW TABLES;") == .showTables)
        #expect(try parseOrRecord("describe Oportunidades") == .describe(Identifier("oportunidades")))
        #expect(try parseOrRecord("describe \"Weird Name\"") == .describe(Identifier("Weird Name")))
        let explained = try parseOrRecord("explain select nome from contatos")
        #expect(explained == .explain(SelectStatement(items: [.expression(column("nome"), alias: nil)], from: TableReference(name: Identifier("contatos")))))
    }

    @Test func keywordsAndNamesAreCaseInsensitiveUnlessQuoted() throws {
        let select = try parseSelect("SELECT Nome, \"Nome\" FROM Contatos WHERE ID = 1")
        #expect(select.items == [.expression(column("nome"), alias: nil), .expression(column("Nome"), alias: nil)])
        #expect(select.from?.name.name == "contatos")
        #expect(select.whereClause == binary(.equal, column("id"), integer(1)))
    }

    @Test func tableLocationsPointAtTheName() throws {
        let select = try parseSelect("select x\nfrom  contatos c")
        #expect(select.from?.name.location == SourceLocation(offset: 15, line: 2, column: 7))
        #expect(select.from?.alias?.location == SourceLocation(offset: 24, line: 2, column: 16))
    }
}
