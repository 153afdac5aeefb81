import NIOHTTP1
import Testing
@testable import NectarSource

/// What goes on the wire: the token only in `Access-Token`, JSON content type, explicit paging.
@Suite(.timeLimit(.minutes(5))) struct RequestShapeTests {
    @Test func theTokenTravelsOnlyInTheAccessTokenHeader() async throws {
        let token = "header-only-token-42"
        try await withScriptedAPI(token: token, configure: { $0.concurrency = 1 }, respond: { _ in .init(status: 200, body: Array("[{\"id\":1}]".utf8)) }) {
            server, client in
            let ids = try await scanIDs(client, "tarefas/")
            let lookup = try await client.fetch(path: "contatos/1", decoder: TestDecoder("c", decodeIDs))
            #expect(ids == [1])
            #expect(lookup == [1])
            let heads = server.received.withLock { $0 }
            #expect(heads.count == 2)
            for head in heads {
                #expect(head.headers["Access-Token"] == [token])
                #expect(head.headers["Content-Type"] == ["application/json"])
                #expect(!head.uri.contains(token))
                #expect(!head.uri.contains("api_token"))
            }
            #expect(heads.first?.uri == "/crm/api/1/tarefas/?page=1&displayLength=50")
            #expect(heads.last?.uri == "/crm/api/1/contatos/1")
        }
    }

    @Test func anHTTPDateRetryAfterIsUnderstoodAndTheRetrySucceeds() async throws {
        let calls = Locked(0)
        try await withScriptedAPI(configure: { $0.concurrency = 1 }, respond: { _ in
            let call = calls.withLock { $0 += 1; return $0 }
            if call == 1 { return .init(status: 429, headers: [("Retry-After", "Thu, 01 Jan 1970 00:00:00 GMT")]) }
            return .init(status: 200, body: Array("[]".utf8))
        }) { server, client in
            let ids = try await scanIDs(client, "tarefas/")
            #expect(ids == [])
            #expect(client.statistics().retries == 1)
            #expect(client.statistics().failures == [.rateLimited: 1])
        }
    }

    @Test func anUnexpectedStatusIsNotRetriedAndSaysWhatCameBack() async throws {
        try await withScriptedAPI(configure: { $0.concurrency = 1 }, respond: { _ in .init(status: 400) }) { server, client in
            let error = await #expect(throws: APIError.self) { _ = try await scanIDs(client, "tarefas/") }
            #expect(error?.kind == .invalidResponse)
            #expect(error?.status == 400)
            #expect(error?.message.contains("HTTP 400") == true)
            #expect(server.received.withLock { $0.count } == 1)
        }
    }
}
