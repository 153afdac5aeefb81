import Foundation
import NectarMock

/// Every benchmark query run by the planner and by the naive strategy in one process, against
/// one fake API, printed as one markdown table.
struct ComparisonBenchmark {
    let scale: Double
    let seed: UInt64
    let latencyMilliseconds: Int
    let concurrency: Int
    /// Fresh-engine runs per query with the planner; one wall-time outlier (a stalled thread on a
    /// busy machine) should not decide a row.
    var plannedRuns = 3
    /// Print every request of the planner's runs to stderr, to see where requests go.
    var showRequests = false

    func run() async throws -> String {
        let dataset = MockDataset(seed: seed, scale: scale)
        let queries = BenchmarkSuite.queries(DatasetFacts(dataset))
        let rows = try await FakeAPI.withServer(dataset: dataset, latencyMilliseconds: latencyMilliseconds) { server in
            try await measure(queries, runner: QueryRunner(server: server, token: FakeAPI.token))
        }
        return report(rows, queries: queries)
    }

    private func measure(_ queries: [BenchmarkQuery], runner: QueryRunner) async throws -> [ComparisonRow] {
        try await warmUp(runner, on: queries)
        var rows: [ComparisonRow] = []
        for query in queries {
            let planned: Measurement, naive: Measurement
            do {
                planned = try await runner.measure(query.text, strategy: .planned(concurrency: concurrency), runs: plannedRuns)
                naive = try await runner.measure(query.text, strategy: .naive)
            } catch {
                throw BenchmarkError.queryFailed(name: query.name, text: query.text, underlying: error)
            }
            if showRequests { Self.printRequests(of: query, planned.requestLines) }
            rows.append(ComparisonRow(
                query: query, planned: planned, naive: naive, concurrency: concurrency,
                latencySeconds: Double(latencyMilliseconds) / 1000))
        }
        return rows
    }

    /// One unmeasured run first, so the first row doesn't also time the process's one-off start-up
    /// (loading code, the HTTP client's threads); every measured run still has a fresh engine.
    private func warmUp(_ runner: QueryRunner, on queries: [BenchmarkQuery]) async throws {
        guard let first = queries.first else { return }
        _ = try await runner.measure(first.text, strategy: .planned(concurrency: concurrency))
    }

    private static func printRequests(of query: BenchmarkQuery, _ lines: [String]) {
        let text = (["# \(query.name): \(query.text)"] + lines).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func report(_ rows: [ComparisonRow], queries: [BenchmarkQuery]) -> String {
        let missed = rows.filter { !$0.meetsRequestTarget || $0.meetsTimeTarget == false }.map(\.query.name)
        return """
            ## Requests, time, throughput and memory (scale \(scale), seed \(seed), latency \(latencyMilliseconds) ms, concurrency \(concurrency))

            \(ComparisonTable.render(rows))

            Targets: requests ≤ minimum + 3 per listing (the minimum is computed from the generated data); \
            for scans with latency, wall time ≤ 1.3 × minimum ÷ concurrency × latency \
            (the round-trip floor, ⌈minimum ÷ concurrency⌉ × latency, is the least any client can take). \
            Planner: the median wall time of \(plannedRuns) runs, each on a fresh engine, and the most requests any of them made. \
            Naive: pushdown off, concurrency 1, one run. Peak RSS includes the in-process fake API and its data; the growth is the statement's own.
            Targets missed: \(missed.isEmpty ? "none" : missed.joined(separator: ", "))

            \(ComparisonTable.renderQueries(queries))
            """
    }
}
