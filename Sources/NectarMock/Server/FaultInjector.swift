import NIOCore

/// What to do to one request instead of (or on top of) answering it normally.
enum FaultDecision: Sendable, Equatable {
    case none
    case drop
    case throttle
    case rateLimit
    case serverError(status: Int)
    case truncate

    var kind: MockFaultKind? {
        switch self {
        case .none: return nil
        case .drop: return .drop
        case .throttle: return .throttle
        case .rateLimit: return .rateLimit
        case .serverError: return .serverError
        case .truncate: return .truncate
        }
    }
}

/// Decides faults per request from a seeded PRNG, so a configuration replays the same sequence,
/// and enforces the hard requests-per-second limit over a sliding one-second window.
struct FaultInjector: Sendable {
    private(set) var configuration: FaultConfiguration
    private var rng: SeededGenerator
    /// Uptimes (ns) of the requests admitted during the last second.
    private var admitted: [UInt64] = []

    init(_ configuration: FaultConfiguration) {
        self.configuration = configuration
        rng = SeededGenerator(seed: configuration.seed)
    }

    /// One uniform draw picks at most one random fault: the rates partition `0..<1` in the order
    /// drop, throttle, server error, truncate, so each kind appears at its own configured rate.
    mutating func decide(nowNanoseconds now: UInt64) -> FaultDecision {
        if let limit = configuration.maxRequestsPerSecond {
            admitted.removeAll { now &- $0 >= 1_000_000_000 }
            if Double(admitted.count) >= limit { return .rateLimit }
            admitted.append(now)
        }
        let draw = rng.unit()
        var threshold = configuration.dropRate
        if draw < threshold { return .drop }
        threshold += configuration.throttleRate
        if draw < threshold { return .throttle }
        threshold += configuration.serverErrorRate
        if draw < threshold { return .serverError(status: [500, 500, 502, 503, 504][Int(rng.next() % 5)]) }
        threshold += configuration.truncateRate
        if draw < threshold { return .truncate }
        return .none
    }

    var latency: TimeAmount { MockServer.timeAmount(configuration.latency) }
}
