/// The misbehaviour the fake API injects. Every rate is a probability in 0...1, decided per request
/// by a PRNG seeded with `seed`, so a failing test replays the same sequence.
public struct FaultConfiguration: Sendable, Equatable {
    /// Added before every response.
    public var latency: Duration
    /// 429 with `Retry-After`.
    public var throttleRate: Double
    public var retryAfterSeconds: Int
    /// 500, 502, 503 or 504.
    public var serverErrorRate: Double
    /// The connection is closed without a response.
    public var dropRate: Double
    /// The head announces the whole body's `Content-Length`, part of the body is written, then the connection closes.
    public var truncateRate: Double
    /// A hard limit: requests beyond it within one second get 429 with `Retry-After`.
    public var maxRequestsPerSecond: Double?
    public var seed: UInt64

    public init(
        latency: Duration = .zero, throttleRate: Double = 0, retryAfterSeconds: Int = 1, serverErrorRate: Double = 0,
        dropRate: Double = 0, truncateRate: Double = 0, maxRequestsPerSecond: Double? = nil, seed: UInt64 = 1
    ) {
        self.latency = latency
        self.throttleRate = throttleRate
        self.retryAfterSeconds = retryAfterSeconds
        self.serverErrorRate = serverErrorRate
        self.dropRate = dropRate
        self.truncateRate = truncateRate
        self.maxRequestsPerSecond = maxRequestsPerSecond
        self.seed = seed
    }
}
