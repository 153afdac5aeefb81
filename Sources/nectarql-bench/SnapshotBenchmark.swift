import Foundation
import NectarMock
import NectarQL
import NectarSnapshot

/// Snapshots side by side: the first sync (a fresh child process, against the round-trip floor and
/// the memory target), the group-by over every oportunidade read from the file (against the
/// `sqlite3` command on the same file), and an incremental refresh after 1% of the records
/// changed (against a full read).
struct SnapshotBenchmark {
    static let targetRowsPerSecond = 1_000_000.0
    static let targetSyncOverFloor = 1.3
    static let targetSQLiteRatio = 2.0
    static let timedRuns = 3
    static let sqliteGroupBy = "select status, count(*), sum(valortotal), avg(valortotal) from oportunidades group by status;"

    let scale: Double
    let seed: UInt64
    let latencyMilliseconds: Int
    let concurrency: Int

    func run() async throws -> String {
        let dataset = MockDataset(seed: seed, scale: scale)
        let path = NSTemporaryDirectory() + "nectarql-bench-snapshot-\(getpid()).sqlite"
        defer { SnapshotStore.removeFiles(at: path) }
        return try await FakeAPI.withServer(dataset: dataset, latencyMilliseconds: latencyMilliseconds) { server in
            let sync = try firstSync(server, path: path)
            let full = server.statistics().requests
            let refresh = try await incrementalRefresh(server, dataset: dataset, path: path)
            let opportunities = dataset.records(.oportunidades).count
            let engineRuns = try await groupByRuns(server, path: path)
            let sqlite = try sqliteRuns(path)
            return report(
                sync: sync, fullRequests: full, refresh: refresh, opportunities: opportunities, engineRuns: engineRuns, sqlite: sqlite)
        }
    }

    private func firstSync(_ server: MockServer, path: String) throws -> SyncProbe.Report {
        guard let executable = Bundle.main.executableURL else { throw BenchmarkError.cannotLocateSelf }
        server.resetStatistics()
        let arguments = [
            "--sync-probe", "--api-url", server.baseURL, "--snapshot-path", path, "--concurrency", "\(concurrency)",
        ]
        let output = try ChildProcess.run(executable, arguments: arguments, timeout: 1800)
        guard output.status == 0, let report = SyncProbe.Report(output: output.stdout) else {
            throw BenchmarkError.probeFailed(arguments: arguments, status: output.status, output: output.stdout + output.stderr)
        }
        return report
    }

    struct Refresh {
        let changed: Int
        let requests: Int
        let seconds: Double
        let bound: Int
    }

    /// 1% of the records of each table with the updated-date filter edited now, then one sync.
    private func incrementalRefresh(_ server: MockServer, dataset: MockDataset, path: String) async throws -> Refresh {
        var changes = MockChanges(instant: Int(Date().timeIntervalSince1970))
        var changed = 0
        var listings = 0
        for endpoint in [MockEndpoint.contatos, .oportunidades, .qualificacoes] {
            let ids = dataset.records(endpoint).compactMap { $0["id"]?.intValue }
            let picked = stride(from: 0, to: ids.count, by: 100).map { ids[$0] }
            changes.edited[endpoint] = picked
            changed += picked.count
            listings += endpoint == .oportunidades ? 5 : 1
        }
        server.replaceDataset(dataset.changing(changes))
        server.resetStatistics()
        var configuration = EngineConfiguration(apiURL: server.baseURL, token: FakeAPI.token)
        configuration.concurrency = concurrency
        configuration.cacheTTL = nil
        let clock = ContinuousClock()
        let start = clock.now
        let reports = try await Engine.using(configuration) { engine in
            try await engine.sync(snapshotPath: path, options: SyncOptions())
        }
        let seconds = (clock.now - start).seconds
        // The sync counts its requests from the client's own counters, speculative and empty pages included.
        let wholeReads = reports.filter { $0.fullRead && $0.readWith == nil }.reduce(0) { $0 + $1.requests }
        // The custom field definitions are read whole too: one request.
        let statistics = server.statistics()
        let definitions = statistics.requestsByPath.filter { $0.key.contains("campoPersonalizado") }.values.reduce(0, +)
        // Changes fall in different status listings of oportunidades: each listing pays its own last page.
        let bound = (changed + 49) / 50 + listings + wholeReads + definitions
        return Refresh(changed: changed, requests: statistics.requests, seconds: seconds, bound: bound)
    }

    /// The group-by from the snapshot: a warm-up, then timed runs on one engine reading the file.
    private func groupByRuns(_ server: MockServer, path: String) async throws -> [Double] {
        var configuration = EngineConfiguration(apiURL: server.baseURL, token: FakeAPI.token)
        configuration.cacheTTL = nil
        return try await Engine.using(configuration) { engine in
            try await engine.useSnapshot(path: path)
            var seconds: [Double] = []
            for run in 0...Self.timedRuns {
                let clock = ContinuousClock()
                let start = clock.now
                let result = try await engine.execute(BenchmarkSuite.groupByText)
                for try await _ in result.batches {}
                if run > 0 { seconds.append((clock.now - start).seconds) }
            }
            return seconds.sorted()
        }
    }

    /// The same SQL through the `sqlite3` command, process start included; nil when it is not installed.
    private func sqliteRuns(_ path: String) throws -> [Double]? {
        let candidates = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
        guard let binary = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        var seconds: [Double] = []
        for run in 0...Self.timedRuns {
            let start = Date()
            let output = try ChildProcess.run(URL(fileURLWithPath: binary), arguments: [path, Self.sqliteGroupBy], timeout: 600)
            guard output.status == 0 else {
                throw BenchmarkError.probeFailed(arguments: [binary, path], status: output.status, output: output.stderr)
            }
            if run > 0 { seconds.append(Date().timeIntervalSince(start)) }
        }
        return seconds.sorted()
    }

    private func report(
        sync: SyncProbe.Report, fullRequests: Int, refresh: Refresh, opportunities: Int, engineRuns: [Double], sqlite: [Double]?
    ) -> String {
        let floor = Double((fullRequests + concurrency - 1) / concurrency) * Double(latencyMilliseconds) / 1000
        let overFloor = floor > 0 ? sync.seconds / floor : 0
        let median = engineRuns[engineRuns.count / 2]
        let rate = Double(opportunities) / median
        let sqliteMedian = sqlite.map { $0[$0.count / 2] }
        let ratio = sqliteMedian.map { median / $0 }
        let sqliteRow = sqliteMedian.map { seconds in
            "| same SQL, `sqlite3` command on the same file (process start included), median of \(Self.timedRuns) | "
                + "\(Format.milliseconds(seconds)) | \(Format.integer(Double(opportunities) / seconds)) | — | — |"
        } ?? "| `sqlite3` command | not installed here: no comparison | — | — | — |"
        let ratioText = ratio.map { String(format: "%.2f×", $0) } ?? "—"
        return """
            ## Snapshots (scale \(scale), seed \(seed), latency \(latencyMilliseconds) ms, concurrency \(concurrency))

            | first sync (fresh process) | requests | rows | seconds | round-trip floor s | × floor | target ≤ | peak RSS MB | target ≤ MB | ok |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            | every table, into a new file | \(fullRequests) | \(sync.rows) | \(String(format: "%.2f", sync.seconds)) | \(String(format: "%.2f", floor)) | \(String(format: "%.2f", overFloor)) | \(Self.targetSyncOverFloor) | \(Format.megabytes(sync.peakBytes)) | \(Format.megabytes(MemoryBenchmark.targetBytes)) | \(ComparisonTable.mark(overFloor <= Self.targetSyncOverFloor && sync.peakBytes <= MemoryBenchmark.targetBytes)) |

            The floor is ⌈requests ÷ concurrency⌉ round trips of \(latencyMilliseconds) ms: the time the requests take with \(concurrency) always in flight.

            | incremental refresh after 1% changed | records changed | requests | seconds | full read's requests | bound | ok |
            | --- | --- | --- | --- | --- | --- | --- |
            | contatos, oportunidades, qualificacoes by date; the rest whole | \(refresh.changed) | \(refresh.requests) | \(String(format: "%.2f", refresh.seconds)) | \(fullRequests) | \(refresh.bound) | \(ComparisonTable.mark(refresh.requests <= refresh.bound)) |

            The bound is ⌈changed ÷ 50⌉ + one request per listing + the requests of the tables read whole (they have no updated-date filter) and of the custom field definitions.

            `\(BenchmarkSuite.groupByText)` over \(opportunities) oportunidades, read from the snapshot:

            | run | ms | rows/s | target ≥ | ok |
            | --- | --- | --- | --- | --- |
            | NectarQL from the snapshot, median of \(Self.timedRuns) (no request) | \(Format.milliseconds(median)) | \(Format.integer(rate)) | \(Format.integer(Self.targetRowsPerSecond)) | \(ComparisonTable.mark(rate >= Self.targetRowsPerSecond)) |
            \(sqliteRow)

            NectarQL ÷ sqlite3: \(ratioText) (target ≤ \(Self.targetSQLiteRatio)×): \(ratio.map { ComparisonTable.mark($0 <= Self.targetSQLiteRatio) } ?? "not measured").
            """
    }
}
