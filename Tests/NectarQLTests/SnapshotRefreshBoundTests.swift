import Foundation
import NectarCatalog
import NectarMock
import NectarQL
import Testing

/// The cost of keeping a snapshot fresh, judged by the fake API's own request log: after 1% of
/// the records changed, a refresh makes at most ⌈changed ÷ 50⌉ + one request per listing + the
/// requests of the tables that can only be read whole, and the sync reports every request it made.
@Suite struct SnapshotRefreshBoundTests {
    @Test func aRefreshAfterOnePercentChangedStaysWithinItsBound() async throws {
        try await MockSession.run(scale: 0.5) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file)
                var changes = MockChanges(instant: nowSeconds())
                var changed = 0
                for endpoint in [MockEndpoint.contatos, .oportunidades, .qualificacoes] {
                    let ids = session.dataset.records(endpoint).compactMap { $0["id"]?.intValue }
                    let picked = stride(from: 0, to: ids.count, by: 100).map { ids[$0] }
                    changes.edited[endpoint] = picked
                    changed += picked.count
                }
                session.server.replaceDataset(session.dataset.changing(changes))

                let reports = try await session.sync(file)
                let log = session.requests
                let reported = reports.values.reduce(0) { $0 + $1.requests }
                let definitions = log.filter { $0.path == "campoPersonalizado/" }.count
                #expect(log.count == reported + definitions, "the report counts every request the API saw: \(log.map(\.description))")

                // contatos and qualificacoes are one listing each, oportunidades one per status.
                let listings = 1 + 5 + 1
                let delta = log.filter { $0.value("dataInicioAtualizacao") != nil }
                #expect(delta.count <= (changed + 49) / 50 + listings, "\(delta.map(\.description))")

                // A table read whole asks for the pages its records fill and the short page that ends
                // it, no more: the snapshot knows how many records it had last time.
                var wholeReads = 0
                for report in reports.values where report.fullRead && report.readWith == nil {
                    let path = try #require(Catalog.nectarCRM.table(named: report.table)).endpoint.path
                    let requests = log.filter { $0.path == path }.count
                    #expect(requests == report.requests, "\(report.table)")
                    #expect(requests == report.rows / 50 + 1, "\(report.table): \(report.rows) records")
                    wholeReads += requests
                }
                #expect(wholeReads > 0, "tables without the updated-date filter are read whole")
                #expect(log.count <= (changed + 49) / 50 + listings + wholeReads + definitions)
            }
        }
    }
}
