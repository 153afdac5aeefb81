import AsyncHTTPClient
import NectarMock
import Testing

/// Faults are decided per request by a seeded PRNG; with a few hundred requests each kind
/// must appear near its rate (the tolerance is generous: this checks wiring, not statistics).
@Suite("Fault injection over real HTTP")
struct FaultTests {
    static let attempts = 400

    /// Sends `attempts` requests one after another, counting statuses and client-side failures.
    /// A server gone before the end (its lifetime ran out on a slow machine) ends the loop: each
    /// request to a closed port would wait out the client's whole timeout.
    static func hammer(_ api: MockHarness) async -> (statuses: [Int: Int], failures: Int) {
        var statuses: [Int: Int] = [:]
        var failures = 0
        for page in 1...attempts where api.server.isRunning {
            do {
                let response = try await api.get("tarefas/?page=\(page % 6 + 1)&displayLength=50")
                statuses[response.status, default: 0] += 1
                if response.status == 200 { _ = try response.json() }
            } catch {
                failures += 1
            }
        }
        return (statuses, failures)
    }

    static func near(_ count: Int, _ rate: Double) -> Bool {
        let expected = Double(attempts) * rate
        return abs(Double(count) - expected) <= max(12, expected * 0.5)
    }

    @Test("throttling answers 429 with Retry-After at about its rate")
    func throttle() async throws {
        let faults = FaultConfiguration(throttleRate: 0.2, retryAfterSeconds: 7, seed: 42)
        try await MockHarness.run(faults: faults) { (api: MockHarness) async throws in
            let (statuses, failures) = await Self.hammer(api)
            #expect(failures == 0)
            #expect(Self.near(statuses[429] ?? 0, 0.2))
            #expect(api.server.statistics().faultCount(.throttle) == statuses[429])
            api.server.setFaults(FaultConfiguration(throttleRate: 1, retryAfterSeconds: 7))
            let throttled = try await api.get("tarefas/")
            #expect(throttled.status == 429)
            #expect(throttled.headers.first(name: "Retry-After") == "7")
        }
    }

    @Test("server errors are 5xx at about their rate")
    func serverErrors() async throws {
        try await MockHarness.run(faults: FaultConfiguration(serverErrorRate: 0.15, seed: 7)) { (api: MockHarness) async throws in
            let (statuses, failures) = await Self.hammer(api)
            let errors = [500, 502, 503, 504].reduce(0) { $0 + (statuses[$1] ?? 0) }
            #expect(failures == 0)
            #expect(Self.near(errors, 0.15))
            #expect(api.server.statistics().faultCount(.serverError) == errors)
        }
    }

    @Test("dropped connections and truncated bodies fail the client at about their rates")
    func dropsAndTruncation() async throws {
        let faults = FaultConfiguration(dropRate: 0.1, truncateRate: 0.1, seed: 3)
        try await MockHarness.run(faults: faults) { (api: MockHarness) async throws in
            let (statuses, failures) = await Self.hammer(api)
            let stats = api.server.statistics()
            #expect(Self.near(stats.faultCount(.drop), 0.1))
            #expect(Self.near(stats.faultCount(.truncate), 0.1))
            #expect(stats.faultCount(.drop) > 0 && stats.faultCount(.truncate) > 0)
            // Every dropped or truncated response is a client-side failure, never a 200 with a short body.
            #expect(failures >= stats.faultCount(.drop) + stats.faultCount(.truncate) - 2)
            #expect((statuses[200] ?? 0) + failures >= Self.attempts)
        }
    }

    @Test("a requests-per-second limit answers 429 beyond it")
    func rateLimit() async throws {
        try await MockHarness.run(faults: FaultConfiguration(maxRequestsPerSecond: 5)) { (api: MockHarness) async throws in
            var statuses: [Int: Int] = [:]
            // Bounded: stops at the first 429, which comes after 5 quick requests on any sane machine.
            for _ in 0..<500 where statuses[429] == nil {
                statuses[try await api.get("pipeline/").status, default: 0] += 1
            }
            #expect((statuses[429] ?? 0) > 0)
            #expect((statuses[200] ?? 0) >= 5)
            #expect(api.server.statistics().faultCount(.rateLimit) == statuses[429])
        }
    }

    @Test("latency delays but does not change the answer; statistics count paths, statuses and request lines")
    func latencyAndStatistics() async throws {
        try await MockHarness.run(faults: FaultConfiguration(latency: .milliseconds(20))) { (api: MockHarness) async throws in
            #expect(try await api.get("pipeline/?type=1").ids() == sharedDataset.ids(.pipeline) { $0["tipo"]?.intValue == 1 })
            _ = try await api.get("pipeline")
            _ = try await api.get("contatos/", token: "wrong")
            let stats = api.server.statistics()
            #expect(stats.requests == 3)
            #expect(stats.requestsByPath["/crm/api/1/pipeline/"] == 1)
            #expect(stats.requestsByPath["/crm/api/1/pipeline"] == 1)
            #expect(stats.responsesByStatus == [200: 2, 401: 1])
            #expect(stats.requestLines.first == "GET /crm/api/1/pipeline/?type=1")
            #expect(stats.bytesSent > 0)
            api.server.resetStatistics()
            #expect(api.server.statistics() == MockStatistics())
        }
    }
}
