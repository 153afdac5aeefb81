import NectarMock
import NectarQL

/// Runs statements against the in-process fake API and measures each one.
struct QueryRunner {
    let server: MockServer
    let token: String

    /// A fresh engine per measurement: cold cache and no estimates learnt from earlier statements,
    /// which is what an analyst's first query of a session meets. The session's one request for
    /// the custom field definitions (the shell makes it at its start) is not the statement's.
    func measure(_ text: String, strategy: Strategy) async throws -> Measurement {
        try await Engine.using(strategy.configuration(apiURL: server.baseURL, token: token)) { engine in
            try await engine.loadCustomFields()
            return try await measure(text, on: engine)
        }
    }

    /// `runs` fresh-engine runs: the one with the median wall time, carrying the most requests and
    /// bytes any run made, so the request target is judged on the worst run.
    func measure(_ text: String, strategy: Strategy, runs: Int) async throws -> Measurement {
        var measurements: [Measurement] = []
        for _ in 0..<max(1, runs) { measurements.append(try await measure(text, strategy: strategy)) }
        measurements.sort { $0.seconds < $1.seconds }
        var median = measurements[measurements.count / 2]
        median.requests = measurements.map(\.requests).max() ?? median.requests
        median.bytes = measurements.map(\.bytes).max() ?? median.bytes
        return median
    }

    /// Measures one statement on an engine the caller keeps (to time cached repeats).
    func measure(_ text: String, on engine: Engine) async throws -> Measurement {
        try await settle()
        server.resetStatistics()
        ProcessMemory.resetPeak()
        let startBytes = ProcessMemory.currentBytes
        let before = engine.statistics()
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await engine.execute(text)
        var rows = 0
        for try await batch in result.batches { rows += batch.count }
        let elapsed = clock.now - start
        let engineDelta = engine.statistics().since(before)
        let api = server.statistics()
        return Measurement(
            requests: api.requests, bytes: api.bytesSent, seconds: elapsed.seconds, resultRows: rows,
            scannedRows: engineDelta.rows, cacheHits: engineDelta.cacheHits, peakBytes: ProcessMemory.peakBytes, startBytes: startBytes,
            requestLines: api.requestLines, engineRequests: engineDelta.requests)
    }

    /// Waits until the fake API has seen no new request for a moment (at most a second), so a
    /// request the previous statement sent just before it ended (a page past the end, then
    /// cancelled) is not counted against the next one.
    private func settle() async throws {
        var seen = server.statistics().requests
        for _ in 0..<20 {
            try await Task.sleep(for: .milliseconds(50))
            let now = server.statistics().requests
            if now == seen { return }
            seen = now
        }
    }
}

extension Duration {
    var seconds: Double { self / .seconds(1) }
}
