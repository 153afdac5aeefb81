import Foundation
import NectarMock
import Testing

/// No partial result passes for a complete one: when the API breaks down mid-way, streamed CSV
/// is followed by an "incomplete" notice on stderr and a non-zero exit; a table prints nothing.
@Suite struct IncompleteResultTests {
    static let token = "incomplete-test-token"

    /// Starts a shell on a slow fake API and makes every request fail once the first pages are in.
    private func runBreakingMidway(format: String) async throws -> RunResult {
        let server = MockServer(
            dataset: MockDataset(seed: 5, scale: 1), token: Self.token,
            faults: FaultConfiguration(latency: .milliseconds(150)), maxLifetime: .seconds(600))
        return try await server.serving { server in
            // Once a few pages have been answered, the server starts failing every request. The watch
            // runs on its own thread: the test's cooperative threads may all be busy with other tests.
            let breaker = Thread {
                for _ in 0..<2000 where (server.statistics().responsesByStatus[200] ?? 0) < 10 { usleep(10_000) }
                server.setFaults(FaultConfiguration(serverErrorRate: 1.0))
            }
            breaker.start()
            return try await ProcessRunner.run(
                ["--api-url", server.baseURL, "--concurrency", "1", "--format", format, "-c", "select nome, valortotal from oportunidades"],
                environment: ProcessRunner.cleanEnvironment(["NECTAR_API_TOKEN": Self.token]), timeout: 120)
        }
    }

    @Test func streamedCSVSaysItIsIncompleteAndFails() async throws {
        let result = try await runBreakingMidway(format: "csv")
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdoutLines.first == "nome,valortotal")
        #expect(result.stdoutLines.count > 1, "the first pages should have been streamed")
        #expect(result.stderr.contains("incomplete"))
    }

    @Test func tableModePrintsNothingWhenTheStatementFails() async throws {
        let result = try await runBreakingMidway(format: "table")
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
