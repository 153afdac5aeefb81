import Foundation
import NectarMock
import NectarPostgres
import NectarQL
import NectarSnapshot

/// The PostgreSQL mirror beside the SQLite snapshot: a full sync of the same account into each
/// (rows written per second; at 0 ms latency the API costs little, so the stores are what differ),
/// then the group-by over every oportunidade read back from each.
struct PostgresBenchmark {
    static let timedRuns = 3

    let url: String
    let scale: Double
    let seed: UInt64
    let latencyMilliseconds: Int
    let concurrency: Int

    func run() async throws -> String {
        let dataset = MockDataset(seed: seed, scale: scale)
        let path = NSTemporaryDirectory() + "nectarql-bench-pg-\(getpid()).sqlite"
        defer { SnapshotStore.removeFiles(at: path) }
        // A schema of the run's own, so the first sync creates it as a first sync does, dropped at the end.
        let mirror = try Self.withSchema(url, "nectarql_bench_\(getpid())")
        do {
            let text = try await measure(dataset, path: path, mirror: mirror)
            try await Self.drop(mirror)
            return text
        } catch {
            try? await Self.drop(mirror)
            throw error
        }
    }

    private static func drop(_ mirror: String) async throws {
        let store = try PostgresMirror.openForWriting(mirror)
        do {
            try await store.dropSchema()
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }

    private func measure(_ dataset: MockDataset, path: String, mirror: String) async throws -> String {
        try await FakeAPI.withServer(dataset: dataset, latencyMilliseconds: latencyMilliseconds) { server in
            var configuration = EngineConfiguration(apiURL: server.baseURL, token: FakeAPI.token)
            configuration.concurrency = concurrency
            configuration.cacheTTL = nil
            return try await Engine.using(configuration) { engine in
                let sqliteSync = try await fullSync(engine, into: path)
                let postgresSync = try await fullSync(engine, into: mirror)
                let sqliteReads = try await groupByRuns(engine, from: path)
                let postgresReads = try await groupByRuns(engine, from: mirror)
                let opportunities = dataset.records(.oportunidades).count
                return report(
                    mirror: SnapshotLocationRedaction.redact(mirror), syncs: [("SQLite file", sqliteSync), ("PostgreSQL mirror", postgresSync)],
                    reads: [("SQLite file", sqliteReads), ("PostgreSQL mirror", postgresReads)], opportunities: opportunities)
            }
        }
    }

    /// `url` with `schema=` set to the bench's own; a schema the URL names is refused, never emptied.
    static func withSchema(_ url: String, _ schema: String) throws -> String {
        guard var components = URLComponents(string: url), PostgresURL.isPostgres(url) else {
            throw BenchmarkError.invalidArgument("--postgres takes a postgres:// URL")
        }
        if (components.queryItems ?? []).contains(where: { $0.name == "schema" }) {
            throw BenchmarkError.invalidArgument("--postgres: leave schema= out; the bench makes and drops a schema of its own")
        }
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "schema", value: schema)]
        return components.string ?? url
    }

    struct Sync {
        let rows: Int
        let seconds: Double
    }

    /// Every table read whole and written (`--full`: a mirror that exists is emptied and refilled in the run).
    private func fullSync(_ engine: Engine, into location: String) async throws -> Sync {
        let clock = ContinuousClock()
        let start = clock.now
        let reports = try await engine.sync(snapshotPath: location, options: SyncOptions(full: true))
        return Sync(rows: reports.reduce(0) { $0 + $1.rows }, seconds: (clock.now - start).seconds)
    }

    /// A warm-up, then the timed runs, sorted.
    private func groupByRuns(_ engine: Engine, from location: String) async throws -> [Double] {
        try await engine.useSnapshot(path: location)
        var seconds: [Double] = []
        for run in 0...Self.timedRuns {
            let clock = ContinuousClock()
            let start = clock.now
            let result = try await engine.execute(BenchmarkSuite.groupByText)
            for try await _ in result.batches {}
            if run > 0 { seconds.append((clock.now - start).seconds) }
        }
        try await engine.useSnapshot(path: nil)
        return seconds.sorted()
    }

    private func report(mirror: String, syncs: [(String, Sync)], reads: [(String, [Double])], opportunities: Int) -> String {
        let syncRows = syncs.map { name, sync in
            "| \(name) | \(sync.rows) | \(String(format: "%.2f", sync.seconds)) | \(Format.integer(Double(sync.rows) / sync.seconds)) |"
        }
        let sqliteRate = Double(syncs[0].1.rows) / syncs[0].1.seconds
        let postgresRate = Double(syncs[1].1.rows) / syncs[1].1.seconds
        let readRows = reads.map { name, runs in
            let median = runs[runs.count / 2]
            return "| \(name), median of \(Self.timedRuns) | \(Format.milliseconds(median)) | \(Format.integer(Double(opportunities) / median)) |"
        }
        return """
            ## PostgreSQL mirror (scale \(scale), seed \(seed), latency \(latencyMilliseconds) ms, concurrency \(concurrency))

            Mirror: \(mirror)

            | full sync (every table read whole and written in one transaction) | rows | seconds | rows/s |
            | --- | --- | --- | --- |
            \(syncRows.joined(separator: "\n"))

            PostgreSQL ÷ SQLite, rows/s: \(String(format: "%.2f×", postgresRate / sqliteRate)).

            `\(BenchmarkSuite.groupByText)` over \(opportunities) oportunidades:

            | read from | ms | rows/s |
            | --- | --- | --- |
            \(readRows.joined(separator: "\n"))
            """
    }
}
