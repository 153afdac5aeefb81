import AsyncHTTPClient
import NectarMock
import Testing

@Suite("Server lifecycle")
struct ServerLifecycleTests {
    @Test("the server stops by itself after maxLifetime and then refuses connections")
    func maxLifetimeStops() async throws {
        let server = MockServer(dataset: MockDataset(seed: 1, scale: 0.05), maxLifetime: .milliseconds(300))
        let port = try await server.start()
        #expect(port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(port)/crm/api/1/")
        let stoppedInTime = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await server.waitUntilStopped()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(60))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !stoppedInTime { await server.stop() }
        #expect(stoppedInTime)
        #expect(!server.isRunning)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var request = HTTPClientRequest(url: server.baseURL + "pipeline/")
        request.headers.add(name: "Access-Token", value: MockServer.demoToken)
        await #expect(throws: (any Error).self) { _ = try await client.execute(request, timeout: .seconds(5)) }
        try await client.shutdown()
    }

    @Test("two servers with the same seed answer with the same bytes")
    func sameSeedSameBytes() async throws {
        func fetch() async throws -> [[UInt8]] {
            try await MockHarness.run(dataset: MockDataset(seed: 9, scale: 0.2)) { (api: MockHarness) async throws in
                var bodies: [[UInt8]] = []
                for path in ["contatos/?page=2&displayLength=50", "oportunidades/?status=2", "produto/", "proposta/?page=-1"] {
                    bodies.append(try await api.get(path).body)
                }
                return bodies
            }
        }
        let first = try await fetch()
        #expect(first.allSatisfy { $0.count > 2 })
        #expect(try await fetch() == first)
    }

    @Test("stop is idempotent and a stopped server can be waited on")
    func stopTwice() async throws {
        let server = MockServer(dataset: MockDataset(seed: 1, scale: 0.05))
        _ = try await server.start()
        await server.stop()
        await server.stop()
        await server.waitUntilStopped()
        #expect(!server.isRunning)
    }
}
