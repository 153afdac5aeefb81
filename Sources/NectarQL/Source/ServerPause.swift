/// When the API answers 429, it is the client (its token) that is asked to slow down, not one
/// request: every request of the client holds off until the requested time has passed.
final class ServerPause: Sendable {
    private let resumeAt = Locked<ContinuousClock.Instant?>(nil)

    func pause(for duration: Duration) {
        let until = ContinuousClock.now + duration
        resumeAt.withLock { current in current = max(current ?? until, until) }
    }

    /// How long requests still hold off, or nil when no pause is under way (the progress line shows it).
    var remaining: Duration? {
        guard let until = resumeAt.withLock({ $0 }) else { return nil }
        let left = until - .now
        return left > .zero ? left : nil
    }

    /// Returns at once unless a pause is under way; throws `CancellationError` if cancelled while waiting.
    func waitWhilePaused() async throws {
        guard let until = resumeAt.withLock({ $0 }), until > .now else { return }
        try await Task.sleep(until: until, clock: .continuous)
    }
}
