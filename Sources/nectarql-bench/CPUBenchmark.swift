import NectarMock
import NectarQL

/// End-to-end records per second for the group-by over every oportunidade with no latency:
/// receiving, JSON parsing, flattening and aggregation. Then the same statement repeated with
/// the cache on, which must send no request and parse nothing.
struct CPUBenchmark {
    /// The target: oportunidades records per second with the cache off.
    static let targetRecordsPerSecond = 100_000.0
    static let timedRuns = 3

    let scale: Double
    let seed: UInt64
    let concurrency: Int

    func run() async throws -> String {
        let dataset = MockDataset(seed: seed, scale: scale)
        let records = dataset.records(.oportunidades).count
        return try await FakeAPI.withServer(dataset: dataset, latencyMilliseconds: 0) { server in
            let runner = QueryRunner(server: server, token: FakeAPI.token)
            let cold = try await coldRuns(runner)
            let cached = try await cachedRun(runner, server: server)
            return report(records: records, cold: cold, cached: cached)
        }
    }

    /// One untimed warm-up, then timed runs, each on a fresh engine with the cache off.
    private func coldRuns(_ runner: QueryRunner) async throws -> [Measurement] {
        _ = try await runner.measure(BenchmarkSuite.groupByText, strategy: .planned(concurrency: concurrency))
        var runs: [Measurement] = []
        for _ in 0..<Self.timedRuns {
            runs.append(try await runner.measure(BenchmarkSuite.groupByText, strategy: .planned(concurrency: concurrency)))
        }
        return runs
    }

    /// The first run fills the cache; the second is the one measured.
    private func cachedRun(_ runner: QueryRunner, server: MockServer) async throws -> (first: Measurement, repeated: Measurement) {
        var configuration = Strategy.planned(concurrency: concurrency).configuration(apiURL: server.baseURL, token: FakeAPI.token)
        configuration.cacheTTL = .seconds(300)
        let engine = try Engine(configuration: configuration)
        do {
            let first = try await runner.measure(BenchmarkSuite.groupByText, on: engine)
            let repeated = try await runner.measure(BenchmarkSuite.groupByText, on: engine)
            await engine.shutdown()
            return (first, repeated)
        } catch {
            await engine.shutdown()
            throw error
        }
    }

    private func report(records: Int, cold: [Measurement], cached: (first: Measurement, repeated: Measurement)) -> String {
        let best = cold.min { $0.seconds < $1.seconds }!
        let median = cold.sorted { $0.seconds < $1.seconds }[cold.count / 2]
        let bestRate = Double(records) / best.seconds
        let medianRate = Double(records) / median.seconds
        let repeated = cached.repeated
        let noRequests = repeated.requests == 0
        return """
            ## CPU: group by over every oportunidade (scale \(scale), seed \(seed), latency 0 ms, concurrency \(concurrency))

            `\(BenchmarkSuite.groupByText)`

            | run | requests | cache hits | MB received | ms | oportunidades records/s | target ≥ | ok |
            | --- | --- | --- | --- | --- | --- | --- | --- |
            | cache off, best of \(cold.count) | \(best.requests) | \(best.cacheHits) | \(Format.megabytes(best.bytes)) | \(Format.milliseconds(best.seconds)) | \(Format.integer(bestRate)) | \(Format.integer(Self.targetRecordsPerSecond)) | \(ComparisonTable.mark(bestRate >= Self.targetRecordsPerSecond)) |
            | cache off, median of \(cold.count) | \(median.requests) | \(median.cacheHits) | \(Format.megabytes(median.bytes)) | \(Format.milliseconds(median.seconds)) | \(Format.integer(medianRate)) | \(Format.integer(Self.targetRecordsPerSecond)) | \(ComparisonTable.mark(medianRate >= Self.targetRecordsPerSecond)) |
            | cache on, first run (fills it) | \(cached.first.requests) | \(cached.first.cacheHits) | \(Format.megabytes(cached.first.bytes)) | \(Format.milliseconds(cached.first.seconds)) | \(Format.integer(Double(records) / cached.first.seconds)) | — | — |
            | cache on, repeated | \(repeated.requests) | \(repeated.cacheHits) | \(Format.megabytes(repeated.bytes)) | \(Format.milliseconds(repeated.seconds)) | \(Format.integer(Double(records) / repeated.seconds)) | 0 requests | \(ComparisonTable.mark(noRequests)) |

            \(records) oportunidades records. The fake API runs in the same process and shares the CPU.
            The cache keeps decoded pages, so a repeat that makes no request parses no JSON either.
            """
    }
}
