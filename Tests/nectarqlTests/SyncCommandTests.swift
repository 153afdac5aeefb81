import Foundation
import NectarMock
import Testing

/// `nectarql sync` and `nectarql --snapshot`, as a script or cron job runs them: exit codes, the
/// summary on stderr, a file only its owner reads, and a previous snapshot that survives Ctrl-C
/// and `kill -9`.
@Suite struct SyncCommandTests {
    static let token = "sync-test-token"

    private func withServer<T>(latency: Duration = .zero, _ body: (MockServer, String) async throws -> T) async throws -> T {
        let server = MockServer(
            dataset: MockDataset(seed: 3, scale: 0.1), token: Self.token, faults: FaultConfiguration(latency: latency),
            maxLifetime: .seconds(600))
        let path = NSTemporaryDirectory() + "nectarql-sync-\(UUID().uuidString).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try await server.serving { try await body($0, path) }
    }

    private func environment(_ server: MockServer) -> [String: String] {
        ProcessRunner.cleanEnvironment(["NECTAR_API_TOKEN": Self.token, "NECTAR_API_URL": server.baseURL])
    }

    @Test func syncPrintsASummaryAndQueriesReadTheFileWithoutARequest() async throws {
        try await withServer { server, path in
            let sync = try await ProcessRunner.run(["sync", "--snapshot", path], environment: environment(server), timeout: 120)
            #expect(sync.status == 0, "\(sync.stderr)")
            #expect(sync.stdout.isEmpty)
            let expectedDeals = MockDataset(seed: 3, scale: 0.1).records(.oportunidades).count
            #expect(sync.stderr.contains("requests"), "\(sync.stderr)")
            #expect(sync.stderr.split(separator: "\n").contains { $0.hasPrefix("oportunidades ") && $0.contains(" \(expectedDeals) ") })
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)

            server.resetStatistics()
            let query = try await ProcessRunner.run(
                ["--snapshot", path, "--csv", "-c", "select count(*) as n from oportunidades"], environment: environment(server))
            #expect(query.status == 0, "\(query.stderr)")
            #expect(query.stdoutLines == ["n", "\(expectedDeals)"])
            #expect(server.statistics().requests == 0)

            let explain = try await ProcessRunner.run(
                ["--snapshot", path, "--csv", "-c", "explain select nome from contatos where constante = 1"], environment: environment(server))
            #expect(explain.stdout.contains("reads: snapshot \(path), synced"), "\(explain.stdout)")
        }
    }

    @Test func aSnapshotIsReadWithoutATokenUntilSomethingWouldReachTheAPI() async throws {
        try await withServer { server, path in
            let sync = try await ProcessRunner.run(["sync", "--snapshot", path, "--tables", "tarefas", "--quiet"], environment: environment(server))
            #expect(sync.status == 0, "\(sync.stderr)")
            let tokenless = ProcessRunner.cleanEnvironment(["NECTAR_API_URL": server.baseURL])
            let query = try await ProcessRunner.run(["--snapshot", path, "--csv", "--no-header", "-c", "select count(*) from tarefas"], environment: tokenless)
            #expect(query.status == 0, "\(query.stderr)")
            #expect(query.stdoutLines == ["\(MockDataset(seed: 3, scale: 0.1).records(.tarefas).count)"])
            server.resetStatistics()
            let live = try await ProcessRunner.run(["--snapshot", path, "--csv"], stdin: ".snapshot off\nselect count(*) from pipelines;\n", environment: tokenless)
            #expect(live.status == 2)
            #expect(live.stderr.contains("no NectarCRM API token: this session reads only the snapshot"), "\(live.stderr)")
            #expect(server.statistics().requests == 0)
            let refresh = try await ProcessRunner.run(["--snapshot", path, "--max-age", "1m", "-c", "select 1"], environment: tokenless)
            #expect(refresh.status == 2, "--max-age may reach the API, so it needs the token: \(refresh.stderr)")
        }
    }

    @Test func onlyTheDefaultPathGetsItsDirectoryAndAFailedFirstSyncLeavesNoFile() async throws {
        try await withServer { server, _ in
            let root = NSTemporaryDirectory() + "nectarql-paths-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: root) }
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
            let typo = try await ProcessRunner.run(["sync", "--quiet", "--snapshot", root + "/missing/s.sqlite"], environment: environment(server))
            #expect(typo.status == 2)
            #expect(typo.stderr.contains("does not exist"), "\(typo.stderr)")
            #expect(!FileManager.default.fileExists(atPath: root + "/missing"))

            var xdg = environment(server)
            xdg["XDG_DATA_HOME"] = root + "/data"
            let first = try await ProcessRunner.run(["sync", "--quiet", "--tables", "pipelines"], environment: xdg)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(FileManager.default.fileExists(atPath: root + "/data/nectarql/snapshot.sqlite"))

            var down = environment(server)
            down["NECTAR_API_URL"] = "http://127.0.0.1:1/crm/api/1/"
            let failed = try await ProcessRunner.run(["sync", "--quiet", "--snapshot", root + "/new.sqlite"], environment: down)
            #expect(failed.status == 3)
            #expect(failed.stderr.contains("no snapshot was written"), "\(failed.stderr)")
            #expect(!FileManager.default.fileExists(atPath: root + "/new.sqlite"))
        }
    }

    @Test func theDotCommandSwitchesASessionToTheSnapshotAndBack() async throws {
        try await withServer { server, path in
            let sync = try await ProcessRunner.run(["sync", "--snapshot", path, "--tables", "tarefas", "--quiet"], environment: environment(server))
            #expect(sync.status == 0, "\(sync.stderr)")
            #expect(sync.stderr.isEmpty, "--quiet prints nothing: \(sync.stderr)")
            server.resetStatistics()
            let script = ".snapshot \(path)\nselect count(*) as n from tarefas;\n.snapshot off\nselect count(*) as n from pipelines;\n"
            let run = try await ProcessRunner.run(["--csv"], stdin: script, environment: environment(server))
            #expect(run.status == 0, "\(run.stderr)")
            let tarefas = MockDataset(seed: 3, scale: 0.1).records(.tarefas).count
            #expect(run.stdoutLines.prefix(2) == ["n", "\(tarefas)"])
            #expect(
                server.statistics().requestsByPath.keys.allSatisfy { $0.contains("pipeline") || $0.contains("campoPersonalizado") },
                "only the live query (and its custom-field definitions) went to the API")
        }
    }

    @Test func maxAgeRefreshesOnlyStaleTablesFirst() async throws {
        try await withServer { server, path in
            _ = try await ProcessRunner.run(["sync", "--snapshot", path, "--tables", "tarefas", "--quiet"], environment: environment(server))
            server.resetStatistics()
            let fresh = try await ProcessRunner.run(
                ["--snapshot", path, "--max-age", "10m", "--csv", "-c", "select count(*) from tarefas"], environment: environment(server))
            #expect(fresh.status == 0, "\(fresh.stderr)")
            #expect(server.statistics().requests == 0, "tarefas was synced a moment ago")
            let stale = try await ProcessRunner.run(
                ["--snapshot", path, "--max-age", "10m", "--csv", "-c", "select count(*) from pipelines"], environment: environment(server))
            #expect(stale.status == 0, "\(stale.stderr)")
            #expect(server.statistics().requestsByPath.keys.allSatisfy { $0.contains("pipeline") })
            #expect(server.statistics().requests > 0, "pipelines had never been synced")
        }
    }

    @Test func exitCodesAreTheShells() async throws {
        try await withServer { server, path in
            let badToken = ProcessRunner.cleanEnvironment(["NECTAR_API_TOKEN": "wrong", "NECTAR_API_URL": server.baseURL])
            let api = try await ProcessRunner.run(["sync", "--snapshot", path, "--quiet"], environment: badToken)
            #expect(api.status == 3, "\(api.stderr)")
            #expect(!api.stderr.contains("wrong"), "the token never appears")
            let usage = try await ProcessRunner.run(["sync", "--tables", "nope", "--snapshot", path], environment: environment(server))
            #expect(usage.status == 2)
            #expect(usage.stderr.contains("unknown table 'nope'"), "\(usage.stderr)")
            let foreign = NSTemporaryDirectory() + "nectarql-foreign-\(UUID().uuidString).txt"
            try Data("hello".utf8).write(to: URL(fileURLWithPath: foreign))
            defer { try? FileManager.default.removeItem(atPath: foreign) }
            let refused = try await ProcessRunner.run(["--snapshot", foreign, "-c", "select 1"], environment: environment(server))
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("not a readable SQLite snapshot"), "\(refused.stderr)")
        }
    }

    @Test func killedMidSyncTheSnapshotKeepsThePreviousRunAndTheNextSyncCompletes() async throws {
        try await withServer(latency: .milliseconds(200)) { server, path in
            let first = try await ProcessRunner.run(["sync", "--snapshot", path, "--tables", "pipelines", "--quiet"], environment: environment(server))
            #expect(first.status == 0, "\(first.stderr)")
            for signal in [SIGINT, SIGKILL] {
                server.resetStatistics()
                let sync = try ChildProcess(
                    ShellBinary.path, arguments: ["sync", "--snapshot", path, "--quiet", "--concurrency", "1"],
                    environment: environment(server), input: .null, outputs: .null)
                // Once the sync is writing pages (it needs seconds more), the signal. The watch runs on
                // its own thread, on time however busy the test process's cooperative threads are.
                let watch = Thread {
                    for _ in 0..<500 where (server.statistics().responsesByStatus[200] ?? 0) < 3 { usleep(10_000) }
                    sync.deliver(signal)
                }
                watch.start()
                // Bounded too: a sync that ignored the signal is killed and fails the status check.
                try await sync.waitForExit(seconds: 30)
                #expect(sync.terminationStatus == (signal == SIGINT ? 130 : SIGKILL), "signal \(signal)")
                let counts = try await ProcessRunner.run(
                    ["--snapshot", path, "--csv", "--no-header", "-c", "select count(*) from pipelines; select count(*) from contatos"],
                    environment: environment(server))
                let pipelines = MockDataset(seed: 3, scale: 0.1).records(.pipeline).count
                #expect(counts.stdoutLines == ["\(pipelines)"], "the interrupted run left no trace")
                // contatos was never synced: no answer rather than a count of 0 that looks like an empty account.
                #expect(counts.status == 1)
                #expect(counts.stderr.contains("has never synced contatos"), "\(counts.stderr)")
            }
            let next = try await ProcessRunner.run(["sync", "--snapshot", path, "--quiet"], environment: environment(server), timeout: 120)
            #expect(next.status == 0, "\(next.stderr)")
        }
    }
}
