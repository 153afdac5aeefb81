import Testing
import NIOHTTP1
@testable import NectarSource

/// One client, one limit: however many scans and lookups run at once, no more than
/// `concurrency` requests are in flight, and a page allowance is never exceeded.
@Suite(.timeLimit(.minutes(5))) struct ConcurrencyLimitTests {
    /// Full pages of 2 records for pages 1–5, then short ones, each answered after 30 ms.
    static func slowListing(_ head: HTTPRequestHead) -> ScriptedServer.Reply {
        let full = !head.uri.contains("page=") || ["page=1&", "page=2&", "page=3&", "page=4&", "page=5&"].contains { head.uri.contains($0) }
        return .init(status: 200, body: Array((full ? "[{\"id\":1},{\"id\":2}]" : "[{\"id\":3}]").utf8), delay: .milliseconds(30))
    }

    @Test func scansAndLookupsShareOneGlobalLimit() async throws {
        try await withScriptedAPI(configure: { $0.concurrency = 3; $0.pageSize = 2 }, respond: { Self.slowListing($0) }) {
            server, client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Five full pages each, read to exactly their allowance: no speculative request is
                // cancelled mid-flight (the server would still count an abandoned one as in flight).
                for table in ["contatos/", "tarefas/", "compromissos/", "produto/"] {
                    group.addTask {
                        let pages = client.scan(PageRequest(path: table), decoder: TestDecoder(table, decodeIDs), maxPages: 5)
                        for try await _ in pages {}
                    }
                }
                for id in 1...6 {
                    group.addTask { _ = try await client.fetch(path: "contatos/\(id)", decoder: TestDecoder("c", decodeIDs)) }
                }
                try await group.waitForAll()
            }
            #expect(server.received.withLock { $0.count } == 4 * 5 + 6)
            #expect(server.inFlight.withLock { $0.peak } == 3)
        }
    }

    @Test func aPageAllowanceIsNeverExceeded() async throws {
        try await withScriptedAPI(configure: { $0.concurrency = 4; $0.pageSize = 2 }, respond: { Self.slowListing($0) }) {
            server, client in
            var ids: [Int] = []
            let pages = client.scan(PageRequest(path: "tarefas/"), decoder: TestDecoder("t", decodeIDs), firstPage: 2, maxPages: 2)
            for try await page in pages { ids += page }
            #expect(ids == [1, 2, 1, 2])
            let uris = server.received.withLock { $0.map(\.uri) }.sorted()
            #expect(uris == ["/crm/api/1/tarefas/?page=2&displayLength=2", "/crm/api/1/tarefas/?page=3&displayLength=2"])
        }
    }

    /// A byte every 20 ms never trips the read timeout; the request's own timeout still ends it.
    @Test func aBodyThatTricklesInTimesOut() async throws {
        let body = Array(repeating: UInt8(ascii: " "), count: 2_000) + Array("[]".utf8)
        try await withScriptedAPI(
            configure: { $0.concurrency = 1; $0.maxAttempts = 1; $0.requestTimeout = .milliseconds(500) },
            respond: { _ in .init(status: 200, body: body, trickle: .milliseconds(20)) }
        ) { _, client in
            let started = ContinuousClock.now
            let error = await #expect(throws: APIError.self) { _ = try await scanIDs(client, "tarefas/") }
            #expect(error?.lastFailure == .timeout, "\(String(describing: error))")
            // The whole body would take 40 s.
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    @Test func aBodyThatStopsArrivingTimesOut() async throws {
        let calls = Locked(0)
        try await withScriptedAPI(
            configure: { $0.concurrency = 1; $0.requestTimeout = .seconds(3) },
            respond: { _ in
                let call = calls.withLock { $0 += 1; return $0 }
                return .init(status: 200, body: Array("[{\"id\":1}]".utf8), stallsMidBody: call == 1)
            }
        ) { server, client in
            let ids = try await scanIDs(client, "tarefas/")
            #expect(ids == [1])
            // The stalled body is one timeout; on a loaded machine a retry may time out as well.
            let failures = client.statistics().failures
            #expect(Set(failures.keys) == [.timeout] && (failures[.timeout] ?? 0) >= 1, "\(failures)")
        }
    }
}
