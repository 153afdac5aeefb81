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
    /// The planner's runs remember listing sizes, as an analyst's shell does after a first
    /// session: every query runs once unmeasured first. Off, every run is a first session.
    var rememberSizes = true

    /// The most requests over the whole suite, as a multiple of the suite's minimum.
    static let targetSumRatio = 1.15

    func run() async throws -> String {
        let dataset = MockDataset(seed: seed, scale: scale)
        let queries = BenchmarkSuite.queries(DatasetFacts(dataset))
        let sizesFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("nectarql-bench-sizes-\(ProcessInfo.processInfo.processIdentifier).json").path
        defer { try? FileManager.default.removeItem(atPath: sizesFile) }
        let rows = try await FakeAPI.withServer(dataset: dataset, latencyMilliseconds: latencyMilliseconds) { server in
            let runner = QueryRunner(server: server, token: FakeAPI.token, listingSizesFile: rememberSizes ? sizesFile : nil)
            return try await measure(queries, runner: runner)
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
    /// Remembering sizes, every query has its earlier session.
    private func warmUp(_ runner: QueryRunner, on queries: [BenchmarkQuery]) async throws {
        for query in rememberSizes ? queries : Array(queries.prefix(1)) {
            _ = try await runner.measure(query.text, strategy: .planned(concurrency: concurrency))
        }
    }

    private static func printRequests(of query: BenchmarkQuery, _ lines: [String]) {
        let text = (["# \(query.name): \(query.text)"] + lines).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func report(_ rows: [ComparisonRow], queries: [BenchmarkQuery]) -> String {
        let requests = rows.reduce(0) { $0 + $1.planned.requests }
        let minimum = rows.reduce(0) { $0 + $1.query.budget.minimum }
        let ratio = Double(requests) / Double(max(1, minimum))
        var missed = rows.filter { !$0.meetsRequestTarget || $0.meetsTimeTarget == false }.map(\.query.name)
        if ratio > Self.targetSumRatio { missed.append("requests in all") }
        let sizes = rememberSizes
            ? "listing sizes remembered from an earlier unmeasured run of each query, as the shell remembers them between sessions"
            : "first sessions: no listing size remembered"
        return """
            ## Requests, time, throughput and memory (scale \(scale), seed \(seed), latency \(latencyMilliseconds) ms, concurrency \(concurrency))

            \(ComparisonTable.render(rows))

            Requests in all: \(requests) by the planner, minimum \(minimum): \(String(format: "%.2f", ratio))× \
            (target ≤ \(String(format: "%.2f", Self.targetSumRatio))× \(ComparisonTable.mark(ratio <= Self.targetSumRatio))); \(sizes).

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
