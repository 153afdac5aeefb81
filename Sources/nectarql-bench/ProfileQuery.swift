import NectarMock
import NectarQL

/// `--profile-query`: the CPU benchmark's group-by, cold, a fixed number of times and nothing
/// else, so a profiler such as callgrind counts the same instructions on every run. Against
/// `--api-url` the fake API runs in another process and every instruction counted is the engine's.
struct ProfileQuery {
    let scale: Double
    let seed: UInt64
    let concurrency: Int
    let pushdown: Bool
    let runs: Int
    let apiURL: String?

    func run() async throws -> String {
        if let apiURL { return try await measure(apiURL: apiURL) }
        return try await FakeAPI.withServer(dataset: MockDataset(seed: seed, scale: scale), latencyMilliseconds: 0) { server in
            try await measure(apiURL: server.baseURL)
        }
    }

    private func measure(apiURL: String) async throws -> String {
        let strategy: Strategy = pushdown ? .planned(concurrency: concurrency) : .wholeRecords(concurrency: concurrency)
        var lines: [String] = []
        for run in 1...runs {
            let line = try await Engine.using(strategy.configuration(apiURL: apiURL, token: FakeAPI.token)) { engine in
                let before = engine.statistics()
                let result = try await engine.execute(BenchmarkSuite.groupByText)
                var rows = 0
                for try await batch in result.batches { rows += batch.count }
                let scanned = engine.statistics().since(before)
                return "profile-query run=\(run) pushdown=\(pushdown) result_rows=\(rows) scanned_rows=\(scanned.rows) requests=\(scanned.requests)"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
