import NectarMock
import NectarQL

/// End-to-end records per second for the group-by over every oportunidade with no latency:
/// receiving, JSON parsing, flattening and aggregation. Then the same statement repeated with
/// the cache on, which must send no request and parse nothing.
struct CPUBenchmark {
    /// The target: oportunidades records per second with the cache off.
    static let targetRecordsPerSecond = 100_000.0
    static let timedRuns = 5

    let scale: Double
    let seed: UInt64
    let concurrency: Int

    func run() async throws -> String {
        let dataset = MockDataset(seed: seed, scale: scale)
        let records = dataset.records(.oportunidades).count
        let threadsBefore = ThreadCPUTime.threadIDs(named: Self.eventLoopThreadPrefix)
        return try await FakeAPI.withServer(dataset: dataset, latencyMilliseconds: 0) { server in
            // The engine's HTTP client starts its own event loops later, so these are the fake API's.
            let apiThreads = ThreadCPUTime.threadIDs(named: Self.eventLoopThreadPrefix).subtracting(threadsBefore)
            let runner = QueryRunner(server: server, token: FakeAPI.token)
            let cold = try await coldRuns(runner, strategy: .planned(concurrency: concurrency), apiThreads: apiThreads)
            let whole = try await coldRuns(runner, strategy: .wholeRecords(concurrency: concurrency), apiThreads: apiThreads)
            let cached = try await cachedRun(runner, server: server)
            return report(records: records, cold: cold, whole: whole, cached: cached)
        }
    }

    static let eventLoopThreadPrefix = "NIO-ELT"

    /// One cold run and the CPU it took, whole process and the fake API's threads apart.
    struct ColdRun {
        let measurement: Measurement
        let processCPUSeconds: Double
        let apiCPUSeconds: Double
        var engineCPUSeconds: Double { max(0, processCPUSeconds - apiCPUSeconds) }
    }

    /// One untimed warm-up, then timed runs, each on a fresh engine with the cache off.
    private func coldRuns(_ runner: QueryRunner, strategy: Strategy, apiThreads: Set<Int>) async throws -> [ColdRun] {
        _ = try await runner.measure(BenchmarkSuite.groupByText, strategy: strategy)
        var runs: [ColdRun] = []
        for _ in 0..<Self.timedRuns {
            let process = ThreadCPUTime.processSeconds, api = ThreadCPUTime.seconds(threads: apiThreads)
            let measurement = try await runner.measure(BenchmarkSuite.groupByText, strategy: strategy)
            runs.append(ColdRun(
                measurement: measurement, processCPUSeconds: ThreadCPUTime.processSeconds - process,
                apiCPUSeconds: ThreadCPUTime.seconds(threads: apiThreads) - api))
        }
        return runs
    }

    /// The first run fills the cache; the second is the one measured.
    private func cachedRun(_ runner: QueryRunner, server: MockServer) async throws -> (first: Measurement, repeated: Measurement) {
        var configuration = Strategy.planned(concurrency: concurrency).configuration(apiURL: server.baseURL, token: FakeAPI.token)
        configuration.cacheTTL = .seconds(300)
        return try await Engine.using(configuration) { engine in
            let first = try await runner.measure(BenchmarkSuite.groupByText, on: engine)
            let repeated = try await runner.measure(BenchmarkSuite.groupByText, on: engine)
            return (first, repeated)
        }
    }

    /// The requests a cached repeat still made, which should be none, with the pages the first
    /// run fetched from the same listing, to show whether the repeat went where the first had not.
    private func uncached(_ repeated: Measurement, first: Measurement) -> String {
        guard !repeated.requestLines.isEmpty else { return "" }
        let listings = Set(repeated.requestLines.map(RequestLine.listing(of:)))
        let lines = listings.sorted().map { listing in
            let firstPages = first.requestLines.filter { RequestLine.listing(of: $0) == listing }.compactMap(RequestLine.page(of:)).sorted()
            let repeatPages = repeated.requestLines.filter { RequestLine.listing(of: $0) == listing }.compactMap(RequestLine.page(of:)).sorted()
            return "- `\(listing)`: the repeat requested pages \(repeatPages); the first run requested \(firstPages.count) pages, "
                + "the last ones \(Array(firstPages.suffix(6)))"
        }
        return "\nRequests the cached repeat still made:\n" + lines.joined(separator: "\n")
    }

    /// The target's own measure: records per second of the engine's CPU alone, pushdown off.
    /// The best run is the cost of the work itself; the median adds what the host's other load
    /// cost it (on this machine, runs minutes apart differ by half).
    private func engineCPURows(records: Int, whole: [ColdRun]) -> String {
        let byCPU = whole.sorted { $0.engineCPUSeconds < $1.engineCPUSeconds }
        return [("best", byCPU[0]), ("median", byCPU[byCPU.count / 2])].map { label, run in
            let rate = run.engineCPUSeconds > 0 ? Double(records) / run.engineCPUSeconds : 0
            return "| engine CPU only, pushdown off, \(label) of \(whole.count) | \(run.measurement.requests) | "
                + "\(run.measurement.engineRequests) | \(run.measurement.cacheHits) | \(Format.megabytes(run.measurement.bytes)) | "
                + "\(Format.milliseconds(run.engineCPUSeconds)) CPU | \(Format.integer(rate)) per CPU-second | "
                + "\(Format.integer(Self.targetRecordsPerSecond)) | \(ComparisonTable.mark(rate >= Self.targetRecordsPerSecond)) |"
        }.joined(separator: "\n")
    }

    private func report(
        records: Int, cold runs: [ColdRun], whole: [ColdRun], cached: (first: Measurement, repeated: Measurement)
    ) -> String {
        let sorted = runs.sorted { $0.measurement.seconds < $1.measurement.seconds }
        let best = sorted[0].measurement, median = sorted[sorted.count / 2].measurement
        let cpu = sorted[sorted.count / 2]
        let wholeMedian = whole.sorted { $0.measurement.seconds < $1.measurement.seconds }[whole.count / 2]
        let wholeRun = wholeMedian.measurement, wholeRate = Double(records) / wholeRun.seconds
        let bestRate = Double(records) / best.seconds
        let medianRate = Double(records) / median.seconds
        let repeated = cached.repeated
        let noRequests = repeated.requests == 0 && repeated.engineRequests == 0
        return """
            ## CPU: group by over every oportunidade (scale \(scale), seed \(seed), latency 0 ms, concurrency \(concurrency))

            `\(BenchmarkSuite.groupByText)`

            | run | requests | engine-sent requests | cache hits | MB received | ms | oportunidades records/s | target ≥ | ok |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            | cache off, best of \(runs.count) | \(best.requests) | \(best.engineRequests) | \(best.cacheHits) | \(Format.megabytes(best.bytes)) | \(Format.milliseconds(best.seconds)) | \(Format.integer(bestRate)) | \(Format.integer(Self.targetRecordsPerSecond)) | \(ComparisonTable.mark(bestRate >= Self.targetRecordsPerSecond)) |
            | cache off, median of \(runs.count) | \(median.requests) | \(median.engineRequests) | \(median.cacheHits) | \(Format.megabytes(median.bytes)) | \(Format.milliseconds(median.seconds)) | \(Format.integer(medianRate)) | \(Format.integer(Self.targetRecordsPerSecond)) | \(ComparisonTable.mark(medianRate >= Self.targetRecordsPerSecond)) |
            | cache off, pushdown off (whole records), median of \(whole.count) | \(wholeRun.requests) | \(wholeRun.engineRequests) | \(wholeRun.cacheHits) | \(Format.megabytes(wholeRun.bytes)) | \(Format.milliseconds(wholeRun.seconds)) | \(Format.integer(wholeRate)) | \(Format.integer(Self.targetRecordsPerSecond)) | \(ComparisonTable.mark(wholeRate >= Self.targetRecordsPerSecond)) |
            \(engineCPURows(records: records, whole: whole))
            | cache on, first run (fills it) | \(cached.first.requests) | \(cached.first.engineRequests) | \(cached.first.cacheHits) | \(Format.megabytes(cached.first.bytes)) | \(Format.milliseconds(cached.first.seconds)) | \(Format.integer(Double(records) / cached.first.seconds)) | — | — |
            | cache on, repeated | \(repeated.requests) | \(repeated.engineRequests) | \(repeated.cacheHits) | \(Format.megabytes(repeated.bytes)) | \(Format.milliseconds(repeated.seconds)) | \(Format.integer(Double(records) / repeated.seconds)) | 0 requests | \(ComparisonTable.mark(noRequests)) |

            \(records) oportunidades records. The fake API runs in the same process and shares the CPU: in the median run \
            the process used \(Format.milliseconds(cpu.processCPUSeconds)) ms of CPU, the fake API's threads \(Format.milliseconds(cpu.apiCPUSeconds)) ms, \
            the engine (everything else) \(Format.milliseconds(cpu.engineCPUSeconds)) ms: \
            \(cpu.engineCPUSeconds > 0 ? Format.integer(Double(records) / cpu.engineCPUSeconds) : "—") records per engine CPU second. \
            With pushdown off (whole records, no `attribute=` projection): fake API \(Format.milliseconds(wholeMedian.apiCPUSeconds)) ms, \
            engine \(Format.milliseconds(wholeMedian.engineCPUSeconds)) ms of CPU, \
            \(wholeMedian.engineCPUSeconds > 0 ? Format.integer(Double(records) / wholeMedian.engineCPUSeconds) : "—") records per engine CPU second.
            The cache keeps decoded pages, so a repeat that makes no request parses no JSON either.\(uncached(repeated, first: cached.first))
            """
    }
}
