/// Spaces the client's requests evenly so that no more than `maxRequestsPerSecond` start in any
/// second. Each caller reserves the next free slot and sleeps until it comes.
final class RequestThrottle: Sendable {
    private let interval: Duration
    private let nextSlot: Locked<ContinuousClock.Instant?>

    init?(maxRequestsPerSecond: Double?) {
        guard let rate = maxRequestsPerSecond, rate > 0, rate.isFinite else { return nil }
        interval = .nanoseconds(Int64((1_000_000_000 / rate).rounded(.up)))
        nextSlot = Locked(nil)
    }

    /// Waits for this request's turn; throws `CancellationError` if the task is cancelled meanwhile.
    func waitForTurn() async throws {
        let now = ContinuousClock.now
        let slot = nextSlot.withLock { next -> ContinuousClock.Instant in
            let slot = max(now, next ?? now)
            next = slot + interval
            return slot
        }
        if slot > now {
            try await Task.sleep(until: slot, clock: .continuous)
        }
    }
}
