/// The limits of retrying one request, taken from the configuration.
struct RetryPolicy: Sendable {
    var maxAttempts: Int
    var budget: Duration
    var backoff = Backoff()
    /// Source of jitter in 0...1; replaceable so tests can pin the schedule.
    var jitter: @Sendable () -> Double = { Double.random(in: 0...1) }
}
