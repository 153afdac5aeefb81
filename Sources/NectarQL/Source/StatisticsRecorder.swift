/// The client's counters, updated from many tasks at once.
final class StatisticsRecorder: Sendable {
    private let counters = Locked(ClientStatistics())

    func snapshot() -> ClientStatistics { counters.withLock { $0 } }

    func requestSent() { counters.withLock { $0.requests += 1 } }
    func received(bytes: Int) { counters.withLock { $0.bytesReceived += bytes } }
    func pageDecoded() { counters.withLock { $0.pages += 1 } }
    func retrying() { counters.withLock { $0.retries += 1 } }
    func cacheHit() { counters.withLock { $0.cacheHits += 1 } }
    func failed(_ kind: FailureKind) { counters.withLock { $0.failures[kind, default: 0] += 1 } }
}
