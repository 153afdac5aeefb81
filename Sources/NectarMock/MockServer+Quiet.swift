extension MockServer {
    /// Waits until the server has seen no new request for 50 ms (at most a second), so a request
    /// a finished statement sent just before it ended (a page past the end, then cancelled) is
    /// not counted against the next one.
    public func waitUntilQuiet() async throws {
        var seen = statistics().requests
        for _ in 0..<20 {
            try await Task.sleep(for: .milliseconds(50))
            let now = statistics().requests
            if now == seen { return }
            seen = now
        }
    }
}
