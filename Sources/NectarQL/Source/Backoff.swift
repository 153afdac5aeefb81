/// How long to wait before the next attempt: exponential from `base`, capped, with jitter so
/// that many clients (or many pages of one scan) do not retry in lockstep.
struct Backoff: Sendable {
    var base: Duration = .milliseconds(100)
    var cap: Duration = .seconds(5)

    /// The wait before retry number `retry` (1 for the first retry). `jitter` in 0...1 picks a
    /// point in the upper half of the window ("equal jitter"): never less than half the step.
    func delay(beforeRetry retry: Int, jitter: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let step = min(base * (1 << exponent), cap)
        let fraction = 0.5 + 0.5 * min(max(jitter, 0), 1)
        return step * fraction
    }

    /// A server-requested wait is honoured (the backoff still applies when it asks for less, so a
    /// `Retry-After: 0` cannot make a tight loop), but never beyond what is left of the retry budget.
    static func wait(retryAfter: Duration?, backoff: Duration, remainingBudget: Duration) -> Duration {
        let wanted = max(retryAfter ?? .zero, backoff)
        return max(.zero, min(wanted, remainingBudget))
    }
}
