import NectarMock

/// The fake NectarCRM API the benchmark measures against, on 127.0.0.1 in this process.
enum FakeAPI {
    static let token = MockServer.demoToken

    /// Generates the data and starts the server; the caller stops it. A lifetime bound keeps a
    /// stuck benchmark from leaving a listener behind.
    static func start(dataset: MockDataset, latencyMilliseconds: Int) async throws -> MockServer {
        let faults = FaultConfiguration(latency: .milliseconds(latencyMilliseconds))
        let server = MockServer(dataset: dataset, token: token, faults: faults, maxLifetime: .seconds(3600))
        _ = try await server.start(port: 0)
        return server
    }
}

extension FakeAPI {
    /// Runs `body` against a started server and stops it afterwards, also when `body` throws.
    static func withServer<Result>(
        dataset: MockDataset, latencyMilliseconds: Int, _ body: (MockServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(dataset: dataset, latencyMilliseconds: latencyMilliseconds)
        return try await withResource(server, release: { await $0.stop() }, body)
    }
}
