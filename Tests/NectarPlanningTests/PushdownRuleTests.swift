import NectarCatalog
@testable import NectarPlanning
import NectarSyntax
import Testing

/// The pushdown rules, asserted on the plan itself: which predicates become request parameters,
/// which stay local, and what the scan projects. No server: the plan is all there is to check.
@Suite("Pushdown rules, on the plan")
struct PushdownRuleTests {
    private func onlyScan(_ text: String) throws -> ScanNode {
        try PlanFixture.onlyScan(PlanFixture.plan(text))
    }

    @Test("an equality the endpoint filters on becomes its parameter, and replaces the status scope")
    func equalityIsSent() throws {
        let scan = try onlyScan("select nome from oportunidades where status = 2")
        #expect(PlanFixture.listings(scan) == [["status=2"]])
        #expect(scan.localFilter != nil, "pushdown narrows the traffic; the predicate still runs locally")
    }

    @Test("without a status, oportunidades fan out over the five statuses the API requires")
    func requiredScopeFansOut() throws {
        let scan = try onlyScan("select nome from oportunidades")
        #expect(PlanFixture.listings(scan) == (1...5).map { ["status=\($0)"] })
    }

    @Test("an `in` on a one-value filter becomes one listing per value")
    func inListFansOut() throws {
        let scan = try onlyScan("select nome from oportunidades where status in (1, 3)")
        #expect(PlanFixture.listings(scan) == [["status=1"], ["status=3"]])
    }

    @Test("contradictory equalities ask for nothing at all")
    func contradictionAsksNothing() throws {
        let scan = try onlyScan("select nome from oportunidades where status = 2 and status = 3")
        #expect(PlanFixture.listings(scan) == [])
    }

    @Test("a prefix `like` on nome is sent as the API's prefix search; a pattern in the middle is not")
    func likePrefix() throws {
        let prefix = try onlyScan("select id from contatos where nome like 'Ana%'")
        #expect(PlanFixture.listings(prefix) == [["nome=Ana"]])
        let middle = try onlyScan("select id from contatos where nome like '%Ana%'")
        #expect(PlanFixture.listings(middle) == [[]])
    }

    @Test("a known id is a lookup by path, not a listing")
    func idIsALookup() throws {
        let scan = try onlyScan("select nome from oportunidades where id = 42")
        guard case .lookups(let lookup, let keys) = scan.pushdown.access else {
            Issue.record("expected a lookup, got \(scan.pushdown.access)")
            return
        }
        #expect(lookup.pathTemplate == "oportunidades/{}")
        #expect(keys == ["42"])
    }

    @Test("a predicate over an expression stays local: the API has nothing to take it")
    func expressionStaysLocal() throws {
        let scan = try onlyScan("select nome from contatos where lower(nome) = 'ana'")
        #expect(PlanFixture.listings(scan) == [[]])
        #expect(scan.filterText == "lower(nome) = 'ana'")
    }

    @Test("only the columns the query reads are asked for, by their top-level keys")
    func projection() throws {
        let scan = try onlyScan("select nome, valortotal from oportunidades where status = 2")
        #expect(Set(scan.attributes).isSuperset(of: ["nome", "valorTotal"]))
        #expect(!scan.attributes.contains("responsavel"))
        #expect(scan.columns == Set(["nome", "valortotal", "status"].compactMap { scan.table.columnIndex($0) }))
    }

    @Test("the naive strategy sends nothing but the required scope, and reads whole records")
    func naiveStrategy() throws {
        let plan = try PlanFixture.plan("select nome from oportunidades where status = 2", source: NaiveAPI(pageSize: 50))
        let scan = try #require(PlanFixture.scans(plan).first)
        #expect(PlanFixture.listings(scan) == (1...5).map { ["status=\($0)"] })
        #expect(scan.attributes.isEmpty)
    }

    @Test("explain shows the request each scan makes")
    func explainShowsRequests() throws {
        let lines = try PlanFixture.explain("select nome from oportunidades where status = 2")
        #expect(lines.contains { $0.contains("GET oportunidades/?status=2&") }, "\(lines)")
    }
}
