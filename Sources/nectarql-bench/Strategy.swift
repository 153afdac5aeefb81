import NectarQL

/// How the engine is configured for a measurement.
enum Strategy {
    /// The planner's way: filters, projections, lookups and limits pushed into requests, `concurrency` in flight.
    case planned(concurrency: Int)
    /// Every table read whole, one request at a time: what a client without a planner would do.
    case naive
    /// Pushdown off but requests in parallel: whole records, for the CPU cost of parsing them all.
    case wholeRecords(concurrency: Int)

    /// Each measurement is cold (cache off), so one query cannot be served by another's pages.
    func configuration(apiURL: String, token: String) -> EngineConfiguration {
        var configuration = EngineConfiguration(apiURL: apiURL, token: token)
        configuration.cacheTTL = nil
        switch self {
        case .planned(let concurrency):
            configuration.concurrency = concurrency
        case .naive:
            configuration.pushdown = false
            configuration.concurrency = 1
        case .wholeRecords(let concurrency):
            configuration.pushdown = false
            configuration.concurrency = concurrency
        }
        return configuration
    }
}
