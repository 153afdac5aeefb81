/// One query measured both ways, with its targets checked.
struct ComparisonRow {
    let query: BenchmarkQuery
    let planned: Measurement
    let naive: Measurement
    /// 1.3 × (minimum ÷ concurrency × latency), for scans when there is latency to wait for.
    let timeLimitSeconds: Double?
    /// ⌈minimum ÷ concurrency⌉ round trips: no schedule of whole requests can finish sooner, so a
    /// target below this cannot be met (e.g. 6 pages at concurrency 4 take two round trips).
    let roundTripFloorSeconds: Double?

    init(query: BenchmarkQuery, planned: Measurement, naive: Measurement, concurrency: Int, latencySeconds: Double) {
        self.query = query
        self.planned = planned
        self.naive = naive
        if query.isScan, latencySeconds > 0 {
            timeLimitSeconds = 1.3 * Double(query.budget.minimum) / Double(max(1, concurrency)) * latencySeconds
            let rounds = (query.budget.minimum + max(1, concurrency) - 1) / max(1, concurrency)
            roundTripFloorSeconds = Double(rounds) * latencySeconds
        } else {
            timeLimitSeconds = nil
            roundTripFloorSeconds = nil
        }
    }

    var meetsRequestTarget: Bool { planned.requests <= query.budget.allowed }
    var meetsTimeTarget: Bool? { timeLimitSeconds.map { planned.seconds <= $0 } }
}
