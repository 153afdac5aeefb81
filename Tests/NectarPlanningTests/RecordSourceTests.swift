import NectarCatalog
@testable import NectarPlanning
import Testing

/// The planner asks the source what it can do and plans accordingly, with no branch of its own
/// per source: the same statements, planned against sources of other abilities.
@Suite("Planning against a record source's abilities")
struct RecordSourceTests {
    /// The documented API, but with filters only: no lookups by key, and parents read apart from children.
    private struct FiltersOnly: RecordSource {
        var recordsPerRequest: Int { 50 }
        var projects: Bool { true }
        var stopsAtRowBudget: Bool { true }
        var readsChildrenWithParents: Bool { false }
        func filters(of endpoint: Endpoint) -> [PushableFilter] { endpoint.filters }
        func lookups(of endpoint: Endpoint) -> [KeyLookup] { [] }
    }

    @Test("a source without lookups reads a known id through a listing, filtered locally")
    func noLookups() throws {
        let scan = try #require(PlanFixture.scans(try PlanFixture.plan("select nome from oportunidades where id = 42", source: FiltersOnly())).first)
        #expect(PlanFixture.listings(scan) == (1...5).map { ["status=\($0)"] })
        #expect(scan.localFilter != nil)
    }

    @Test("a source without lookups joins by scanning the right side")
    func noLookupJoin() throws {
        let plan = try PlanFixture.plan(
            "select o.nome, c.nome from oportunidades o join contatos c on o.cliente_id = c.id where o.id = 7", source: FiltersOnly())
        let join = try #require(PlanFixture.joins(plan).first)
        guard case .hash = join.strategy else {
            Issue.record("expected a hash join, got \(join.strategy)")
            return
        }
    }

    @Test("a parent and its child are read once when the source's records carry their arrays, twice otherwise")
    func sharedReads() throws {
        let text = "select o.nome, p.nome from oportunidades o join oportunidades_produtos p on p.id_oportunidade = o.id"
        #expect(PlanFixture.scans(try PlanFixture.plan(text)).count == 1)
        #expect(PlanFixture.scans(try PlanFixture.plan(text, source: FiltersOnly())).count == 2)
    }

    @Test("a source that does not project reads whole records; one that cannot stop early has no row budget")
    func naive() throws {
        let scan = try #require(PlanFixture.scans(try PlanFixture.plan("select nome from contatos limit 5", source: NaiveAPI(pageSize: 50))).first)
        #expect(scan.attributes.isEmpty)
        #expect(scan.rowBudget == nil)
        let planned = try #require(PlanFixture.scans(try PlanFixture.plan("select nome from contatos limit 5")).first)
        #expect(planned.rowBudget == 5)
    }
}
