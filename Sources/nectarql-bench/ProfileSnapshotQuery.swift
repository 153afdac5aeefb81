import NectarQL

/// `--profile-snapshot PATH`: the snapshot benchmark's group-by, read from an existing file a
/// fixed number of times on one engine (as the benchmark's timed runs are) and nothing else, so
/// a profiler sees only the snapshot read path: no fake API, no sync.
struct ProfileSnapshotQuery {
    let path: String
    let runs: Int

    func run() async throws -> String {
        // The engine never sends a request while it reads a snapshot; the URL only has to be valid.
        var configuration = EngineConfiguration(apiURL: "http://127.0.0.1:9/crm/api/1/", token: FakeAPI.token)
        // As the benchmark's runs: no in-session cache.
        configuration.cacheTTL = nil
        return try await Engine.using(configuration) { engine in
            try await engine.useSnapshot(path: path)
            var lines: [String] = []
            for run in 1...runs {
                let clock = ContinuousClock()
                let start = clock.now
                let result = try await engine.execute(BenchmarkSuite.groupByText)
                var rows = 0
                for try await batch in result.batches { rows += batch.count }
                let milliseconds = (clock.now - start).seconds * 1000
                lines.append("profile-snapshot run=\(run) result_rows=\(rows) ms=\(String(format: "%.1f", milliseconds))")
            }
            return lines.joined(separator: "\n")
        }
    }
}
