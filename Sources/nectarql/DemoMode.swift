import Foundation
import NectarMock

/// `--demo`: the fake NectarCRM API, started in this process on 127.0.0.1 with generated data.
struct DemoMode {
    let server: MockServer
    let baseURL: String
    let token: String

    static let banner = """
        nectarql demo: querying a built-in fake NectarCRM on 127.0.0.1.
        The data is generated (seed 1) around today's date; no real account is involved.
        """

    static func start(latencyMilliseconds: Int) async throws -> DemoMode {
        let faults = FaultConfiguration(latency: .milliseconds(latencyMilliseconds))
        // The server stops itself after `maxLifetime`; a demo session may stay open all day.
        let server = MockServer(
            dataset: MockDataset(seed: 1, scale: 1, now: dataAnchor(Date())), token: MockServer.demoToken, faults: faults,
            maxLifetime: .seconds(7 * 24 * 3600))
        _ = try await server.start(port: 0)
        return DemoMode(server: server, baseURL: server.baseURL, token: MockServer.demoToken)
    }

    /// The demo account's "now": the latest Brazilian midnight (UTC−03:00), so the data is recent
    /// and yet the same in every run of the day.
    static func dataAnchor(_ date: Date) -> Int {
        MockTimestamp.brazilDay(ofEpochSeconds: Int(date.timeIntervalSince1970)) * 86_400 - MockTimestamp.brazilOffsetSeconds
    }

    func stop() async {
        await server.stop()
    }
}
