import NIOCore

/// The part of the server the connection handlers share: the router (replaced whole when a test
/// changes the data between two syncs), the fault state and counters (behind a lock, read by
/// tests while requests are in flight).
final class MockServerCore: Sendable {
    private let currentRouter: Locked<MockRouter>
    private let faults: Locked<FaultInjector>
    private let statistics = Locked(MockStatistics())

    init(router: MockRouter, faults: FaultConfiguration) {
        currentRouter = Locked(router)
        self.faults = Locked(FaultInjector(faults))
    }

    var router: MockRouter { currentRouter.withLock { $0 } }

    func setRouter(_ router: MockRouter) { currentRouter.withLock { $0 = router } }

    func setFaults(_ configuration: FaultConfiguration) {
        faults.withLock { $0 = FaultInjector(configuration) }
    }

    func snapshot() -> MockStatistics { statistics.withLock { $0 } }

    func resetStatistics() { statistics.withLock { $0 = MockStatistics() } }

    /// Counts the request and decides its fault; returns the decision and the latency to add first.
    func admit(_ request: MockRequest) -> (FaultDecision, TimeAmount) {
        let (decision, latency) = faults.withLock { injector in
            (injector.decide(nowNanoseconds: NIODeadline.now().uptimeNanoseconds), injector.latency)
        }
        statistics.withLock { stats in
            stats.requests += 1
            stats.requestsByPath[request.path, default: 0] += 1
            stats.requestLines.append("\(request.method) \(request.target)")
            if request.value("api_token") != nil { stats.faults[MockFaultKind.tokenInURL.rawValue, default: 0] += 1 }
            if let kind = decision.kind { stats.faults[kind.rawValue, default: 0] += 1 }
        }
        return (decision, latency)
    }

    func recordResponse(status: Int, bodyBytes: Int) {
        statistics.withLock { stats in
            stats.responsesByStatus[status, default: 0] += 1
            stats.bytesSent += bodyBytes
        }
    }

    var retryAfterSeconds: Int { faults.withLock { $0.configuration.retryAfterSeconds } }
}
