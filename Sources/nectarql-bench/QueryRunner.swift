import NectarMock
import NectarQL

/// Runs statements against the in-process fake API and measures each one.
struct QueryRunner {
    let server: MockServer
    let token: String
    /// Where the planner's engines keep listing sizes from run to run, as the shell does from one
    /// session to the next; nil makes every run a first session.
    var listingSizesFile: String? = nil

    /// A fresh engine per measurement: cold cache, which is what an analyst's first query of a
    /// session meets (listing sizes remembered from earlier sessions aside). The session's one
    /// request for the custom field definitions (the shell makes it at its start) is not the statement's.
    func measure(_ text: String, strategy: Strategy) async throws -> Measurement {
        var configuration = strategy.configuration(apiURL: server.baseURL, token: token)
        if case .planned = strategy { configuration.listingSizesFile = listingSizesFile }
        return try await Engine.using(configuration) { engine in
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
        try await server.waitUntilQuiet()
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
}

extension Duration {
    var seconds: Double { self / .seconds(1) }
}
