@testable import NectarPlanning
import Testing

/// The join strategy the planner picks by estimated requests: lookups per key when the left side
/// is small, one scan of the right side (a hash join) when it is large.
@Suite("Join choice")
struct JoinChoiceTests {
    private func strategy(_ text: String, sizes: [String: Int] = [:]) throws -> JoinNode {
        let joins = PlanFixture.joins(try PlanFixture.plan(text, sizes: sizes))
        try #require(joins.count == 1)
        return joins[0]
    }

    @Test("one known oportunidade looks its client up by id")
    func fewKeysLookUp() throws {
        let join = try strategy("select o.nome, c.nome from oportunidades o join contatos c on o.cliente_id = c.id where o.id = 7")
        guard case .lookup = join.strategy else {
            Issue.record("expected lookups, got \(join.strategy)")
            return
        }
        #expect(join.lookupRequests.map { $0 < join.scanRequests } == true)
    }

    @Test("every oportunidade against every contato scans contatos once")
    func manyKeysScan() throws {
        let join = try strategy(
            "select o.nome, c.nome from oportunidades o join contatos c on o.cliente_id = c.id",
            sizes: ["contatos": 600])
        guard case .hash = join.strategy else {
            Issue.record("expected a hash join, got \(join.strategy)")
            return
        }
    }

    @Test("a left join keeps its kind whichever strategy serves it")
    func leftJoinKind() throws {
        let join = try strategy("select o.nome, c.nome from oportunidades o left join contatos c on o.cliente_id = c.id")
        #expect(join.join.kind == .left)
    }
}
