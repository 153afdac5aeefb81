/// One benchmark row: a statement, the fewest requests the API allows for it (computed from the
/// generated data) and whether the wall-time target for scans applies to it.
struct BenchmarkQuery {
    let name: String
    let text: String
    let budget: RequestBudget
    /// Scans are held to wall time ≤ 1.3 × (minimum ÷ concurrency × latency); joins and lookups are not.
    let isScan: Bool
}
