/// Counts the HTTP requests made on one caller's behalf, exactly as the client's own counters
/// do (every attempt, speculative pages and empty last pages included, cache hits not). Several
/// callers share one client at once (a sync reads its tables concurrently), so the client's
/// totals cannot tell them apart; each passes its own tally instead.
package final class RequestTally: Sendable {
    private let count = Locked(0)

    package init() {}

    /// Requests counted so far.
    package var requests: Int { count.withLock { $0 } }

    func requestSent() { count.withLock { $0 += 1 } }
}
