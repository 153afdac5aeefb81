import Foundation
import NectarMock
import NectarQL
import Testing

/// Fewer requests: sizes remembered from one session shape the next one's scans, and a listing
/// of unknown size starts with one page. Fewer decoded columns: only those a query reads, and
/// a cached page never answers a query that reads more.
@Suite struct RequestEconomyTests {
    @Test("a second session reads a listing with exactly its pages, from the sizes the first saved")
    func aSecondSessionUsesTheSizesTheFirstSaved() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sizes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await MockSession.run(configure: { $0.listingSizesFile = path }) { session in
            let contatos = MockDataset.recordCount(.contatos, scale: 0.2)
            #expect(try await session.rows("select id from contatos").count == contatos)
            await session.engine.shutdown()
            #expect(FileManager.default.fileExists(atPath: path))

            let second = try Engine(configuration: session.engine.configuration)
            // The session's one request for the custom field definitions is not the statement's.
            try await second.loadCustomFields()
            try await session.server.waitUntilQuiet()
            session.server.resetStatistics()
            let rows = try await second.execute("select id from contatos").allRows()
            await second.shutdown()
            #expect(rows.count == contatos)
            #expect(session.requests.count == contatos / 50 + 1, "\(session.requests)")
        }
    }

    @Test("a listing that fits one page costs one request when its size is unknown")
    func aOnePageListingCostsOneRequest() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select id from oportunidades where status = 4")
            #expect(rows.count < 50, "the case needs a one-page listing")
            try await session.server.waitUntilQuiet()
            #expect(session.requests.count == 1, "\(session.requests)")
        }
    }

    @Test("a cached page decoded for some columns never answers a query that reads more")
    func cachedPagesKeepTheirColumns() async throws {
        try await MockSession.run(configure: { $0.cacheTTL = .seconds(60); $0.pushdown = false }) { session in
            let ids = try await session.rows("select id from contatos order by id")
            let cachedRead = try await session.rows("select id, nome, empresa from contatos order by id")
            session.engine.clearCache()
            let freshRead = try await session.rows("select id, nome, empresa from contatos order by id")
            #expect(cachedRead == freshRead)
            #expect(cachedRead.map { $0[0] } == ids.map { $0[0] })
            #expect(cachedRead.contains { !$0[1].isNull }, "names were read")
        }
    }
}
