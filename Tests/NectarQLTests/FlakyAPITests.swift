import NectarMock
import NectarQL
import Testing
/// A flaky API (server errors, dropped connections, truncated bodies) still gives the exact answer.
@Suite struct FlakyAPITests {
    @Test("retries make a scan under faults return exactly the records")
    func exactUnderFaults() async throws {
        let faults = FaultConfiguration(serverErrorRate: 0.15, dropRate: 0.05, truncateRate: 0.05, seed: 3)
        try await MockSession.run(scale: 0.3, faults: faults) { session in
            let rows = try await session.rows("select id, status, valortotal from oportunidades")
            let expected = session.dataset.records(.oportunidades).map {
                [Expected.value($0, "id", .float), Expected.value($0, "status", .float), Expected.value($0, "valorTotal", .float)]
            }
            #expect(sortedRows(rows) == sortedRows(expected))
            let statistics = session.server.statistics()
            #expect(statistics.faultCount(.serverError) + statistics.faultCount(.drop) + statistics.faultCount(.truncate) > 0)
        }
    }
}
