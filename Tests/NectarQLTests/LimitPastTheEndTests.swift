import NectarMock
import NectarQL
import Testing

/// A `limit` above the table's size, when the records fill whole pages: the listing ends on an
/// empty page, which once read as "the page allowance ran out" and reopened the listing forever.
@Suite struct LimitPastTheEndTests {
    struct Case: Sendable, CustomStringConvertible {
        let query: String
        /// The same rows without a limit, read by the unbudgeted scan.
        let whole: String
        let endpoint: MockEndpoint
        /// Divides the endpoint's record count at the test's scale, so the last page is full.
        let pageSize: Int
        var description: String { "\(query) (pages of \(pageSize))" }
    }

    static let scale = 0.2

    static let cases: [Case] = [
        Case(query: "select id from tarefas limit 61", whole: "select id from tarefas", endpoint: .tarefas, pageSize: 20),
        Case(query: "select id from tarefas limit 1000", whole: "select id from tarefas", endpoint: .tarefas, pageSize: 30),
        Case(query: "select id from contatos limit 121", whole: "select id from contatos", endpoint: .contatos, pageSize: 40),
        Case(query: "select id from compromissos limit 57", whole: "select id from compromissos", endpoint: .compromissos, pageSize: 14),
        Case(
            query: "select * from contatos_enderecos limit 1000", whole: "select * from contatos_enderecos", endpoint: .contatos,
            pageSize: 20),
    ]

    @Test("a limit past the end of a listing of whole pages returns every row and ends", arguments: cases)
    func limitPastTheEndEnds(_ test: Case) async throws {
        let records = MockDataset.recordCount(test.endpoint, scale: Self.scale)
        try #require(records % test.pageSize == 0, "the case must end on an empty page")
        try await MockSession.run(scale: Self.scale, configure: { $0.pageSize = test.pageSize }) { session in
            let expected = try await session.rows(test.whole)
            let limited = try await finishing(within: .seconds(20)) { try await session.rows(test.query) }
            #expect(limited.count == expected.count)
            #expect(Set(limited) == Set(expected))
            let pages = records / test.pageSize + 1
            #expect(session.requests.count <= pages, "each page once, the empty one included: \(session.requests)")
        }
    }

    @Test("a limit past the end also ends when the pages come from the cache")
    func limitPastTheEndEndsFromTheCache() async throws {
        try await MockSession.run(scale: Self.scale, configure: { $0.pageSize = 20; $0.cacheTTL = .seconds(60) }) { session in
            let query = "select id from tarefas limit 61"
            let first = try await finishing(within: .seconds(20)) { try await session.rows(query) }
            let repeated = try await finishing(within: .seconds(20)) { try await session.rows(query) }
            #expect(first.count == 60)
            #expect(repeated == first)
            #expect(session.requests.isEmpty, "the repeat reads only cached pages")
        }
    }
}
