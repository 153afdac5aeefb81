import Foundation
import NectarMock
import PostgresTestSupport
import Testing

/// `nectarql sync --snapshot postgres://…` and `nectarql --snapshot postgres://…` as a cron job or
/// a script runs them: the summary and every message show the URL without its password, the
/// password can come from PGPASSWORD, and a server that cannot be reached or goes away is exit 3.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipNote))
struct PostgresSyncCommandTests {
    static let token = "pg-sync-test-token"

    private func withServer<T>(latency: Duration = .zero, _ body: (MockServer) async throws -> T) async throws -> T {
        let server = MockServer(
            dataset: MockDataset(seed: 3, scale: 0.05), token: Self.token, faults: FaultConfiguration(latency: latency),
            maxLifetime: .seconds(600))
        return try await server.serving(body)
    }

    private func environment(_ server: MockServer, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessRunner.cleanEnvironment(["NECTAR_API_TOKEN": Self.token, "NECTAR_API_URL": server.baseURL])
        environment.removeValue(forKey: "PGPASSWORD")
        // No ~/.pgpass of the developer's may answer for the test.
        environment["PGPASSFILE"] = "/nonexistent/pgpass"
        return environment.merging(extra) { $1 }
    }

    @Test func syncAndQueryAMirrorNeverShowingThePassword() async throws {
        let password = try PostgresTestServer.components().password ?? ""
        try await withServer { server in
            try await PostgresTestServer.withSchema { url, schema in
                let sync = try await ProcessRunner.run(["sync", "--snapshot", url], environment: environment(server), timeout: 120)
                #expect(sync.status == 0, "\(sync.stderr)")
                #expect(sync.stderr.contains("into postgres://"), "\(sync.stderr)")
                #expect(sync.stderr.contains("schema=\(schema)"))
                #expect(!sync.stderr.contains(password) && !sync.stdout.contains(password))

                server.resetStatistics()
                let deals = MockDataset(seed: 3, scale: 0.05).records(.oportunidades).count
                let query = try await ProcessRunner.run(
                    ["--snapshot", url, "--csv", "-c", "select count(*) as n from oportunidades"], environment: environment(server))
                #expect(query.status == 0, "\(query.stderr)")
                #expect(query.stdoutLines == ["n", "\(deals)"])
                #expect(server.statistics().requests == 0)
                let explain = try await ProcessRunner.run(
                    ["--snapshot", url, "--csv", "-c", "explain select nome from contatos where constante = 1"], environment: environment(server))
                #expect(explain.stdout.contains("reads: snapshot postgres://"), "\(explain.stdout)")
                #expect(!explain.stdout.contains(password))
                let dot = try await ProcessRunner.run([], stdin: ".snapshot \(url)\n.snapshot\n", environment: environment(server))
                #expect(dot.status == 0, "\(dot.stderr)")
                #expect(dot.stdout.contains("reading from snapshot postgres://"), "\(dot.stdout)")
                #expect(!dot.stdout.contains(password) && !dot.stderr.contains(password))
            }
        }
    }

    @Test func thePasswordMayComeFromPGPASSWORD() async throws {
        var components = try PostgresTestServer.components()
        let password = components.password ?? ""
        components.password = nil
        try await withServer { server in
            try await PostgresTestServer.withSchema { url, _ in
                var bare = URLComponents(string: url)!
                bare.password = nil
                let without = try await ProcessRunner.run(
                    ["sync", "--snapshot", bare.string!, "--tables", "pipelines", "--quiet"], environment: environment(server))
                #expect(without.status == 3, "no password: the server refuses the login. \(without.stderr)")
                #expect(without.stderr.contains("password"), "\(without.stderr)")
                let with = try await ProcessRunner.run(
                    ["sync", "--snapshot", bare.string!, "--tables", "pipelines", "--quiet"],
                    environment: environment(server, ["PGPASSWORD": password]))
                #expect(with.status == 0, "\(with.stderr)")
            }
        }
    }

    @Test func anUnreachableServerIsExitCode3() async throws {
        var components = try PostgresTestServer.components()
        components.port = 1
        try await withServer { server in
            let run = try await ProcessRunner.run(["sync", "--snapshot", components.string!, "--quiet"], environment: environment(server))
            #expect(run.status == 3, "\(run.stderr)")
            #expect(run.stderr.contains("cannot reach the PostgreSQL server"), "\(run.stderr)")
            #expect(!run.stderr.contains(components.password ?? "-"))
            let query = try await ProcessRunner.run(["--snapshot", components.string!, "-c", "select 1"], environment: environment(server))
            #expect(query.status == 3, "\(query.stderr)")
        }
    }

    @Test func aServerThatGoesAwayMidSyncIsExitCode3AndTheMirrorIsAsItWas() async throws {
        let password = try PostgresTestServer.components().password ?? ""
        // Slow answers keep the sync running for many seconds after it got going: ending its
        // backend from here takes a while on a loaded machine.
        try await withServer(latency: .milliseconds(600)) { server in
            try await PostgresTestServer.withSchema { url, schema in
                let first = try await ProcessRunner.run(["sync", "--snapshot", url, "--tables", "pipelines", "--quiet"], environment: environment(server))
                #expect(first.status == 0, "\(first.stderr)")
                server.resetStatistics()
                let sync = try ChildProcess(
                    ShellBinary.path, arguments: ["sync", "--snapshot", url, "--quiet", "--concurrency", "1"],
                    environment: environment(server), input: .null)
                // Bounded wait (a loaded machine starts the process slowly) for the sync to be writing pages
                // (it needs seconds more), then the server side ends.
                for _ in 0..<3000 where (server.statistics().responsesByStatus[200] ?? 0) < 3 { try await ProcessRunner.pause() }
                try #require((server.statistics().responsesByStatus[200] ?? 0) >= 3, "the sync never got going")
                // The next answers stall, so the run cannot finish while its backend is ended, however slow this machine.
                server.setFaults(FaultConfiguration(latency: .seconds(8)))
                #expect(try await PostgresTestServer.terminateSync(into: schema) == 1)
                try await sync.waitForExit(seconds: 120)
                try await sync.outputsEnded()
                let stderr = sync.stderr
                #expect(sync.terminationStatus == 3, "\(stderr)")
                #expect(stderr.contains("is as it was before"), "\(stderr)")
                #expect(!stderr.contains(password))
                let counts = try await ProcessRunner.run(
                    ["--snapshot", url, "--csv", "--no-header", "-c", "select count(*) from pipelines; select count(*) from contatos"],
                    environment: environment(server))
                let pipelines = MockDataset(seed: 3, scale: 0.05).records(.pipeline).count
                #expect(counts.stdoutLines == ["\(pipelines)"], "the interrupted run left no trace: \(counts.stderr)")
                #expect(counts.stderr.contains("has never synced contatos"), "\(counts.stderr)")
            }
        }
    }
}
