/// One query measured both ways, with its targets checked.
struct ComparisonRow {
    let query: BenchmarkQuery
    let planned: Measurement
    let naive: Measurement
    /// 1.3 × (minimum ÷ concurrency × latency), for scans when there is latency to wait for.
    let timeLimitSeconds: Double?

    init(query: BenchmarkQuery, planned: Measurement, naive: Measurement, concurrency: Int, latencySeconds: Double) {
        self.query = query
        self.planned = planned
        self.naive = naive
        if query.isScan, latencySeconds > 0 {
            timeLimitSeconds = 1.3 * Double(query.budget.minimum) / Double(max(1, concurrency)) * latencySeconds
        } else {
            timeLimitSeconds = nil
        }
    }

    var meetsRequestTarget: Bool { planned.requests <= query.budget.allowed }
    var meetsTimeTarget: Bool? { timeLimitSeconds.map { planned.seconds <= $0 } }
}
