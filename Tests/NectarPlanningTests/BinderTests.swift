import NectarCatalog
@testable import NectarPlanning
import NectarSyntax
import Testing

/// Name resolution, types and constant folding: what the binder decides before any plan.
@Suite("Binder")
struct BinderTests {
    @Test("an unknown column is refused at its place, with the closest name suggested")
    func unknownColumn() throws {
        let error = #expect(throws: QueryError.self) { try PlanFixture.bind("select nome, valortotl from oportunidades") }
        #expect(error?.location?.line == 1)
        #expect(error?.location?.column == 14)
        #expect(error?.message.contains("valortotal") == true, "\(error?.message ?? "")")
    }

    @Test("comparing a number with a word is refused before any request")
    func typeMismatch() throws {
        #expect(throws: QueryError.self) { try PlanFixture.bind("select nome from oportunidades where status = 'ganha'") }
    }

    @Test("a date literal compared with a timestamp becomes a timestamp at bind time")
    func dateLiteral() throws {
        let query = try PlanFixture.bind("select nome from oportunidades where datacriacao >= '2024-05-01'")
        guard case .comparison(_, _, .literal(.timestamp(let ms))) = query.filters.first else {
            Issue.record("expected a timestamp literal, got \(query.filters)")
            return
        }
        // Midnight of 1 May 2024 in São Paulo (UTC−3).
        #expect(ms == 1_714_532_400_000)
    }

    @Test("constants fold with the statement's now(), so the pushdown sees a literal")
    func foldsConstants() throws {
        let query = try PlanFixture.bind("select nome from oportunidades where datacriacao >= now() - interval '1 day'")
        guard case .comparison(_, _, .literal(.timestamp(let ms))) = query.filters.first else {
            Issue.record("expected a folded timestamp, got \(query.filters)")
            return
        }
        #expect(ms == PlanFixture.now - 86_400_000)
    }

    @Test("unqualified names resolve to the from table first; a qualified name to its table")
    func resolution() throws {
        let query = try PlanFixture.bind("select nome, c.nome from oportunidades o join contatos c on o.cliente_id = c.id")
        #expect(query.columns.map(\.name) == ["nome", "c.nome"], "a repeated name is qualified to tell the two apart")
        guard case .column(let first) = query.outputs[0], case .column(let second) = query.outputs[1] else {
            Issue.record("expected column reads, got \(query.outputs)")
            return
        }
        #expect(first < query.scope.tables[1].offset)
        #expect(query.scope.tables[1].slots.contains(second))
    }
}
