/// Cumulative counters of one client since it was created. Holds no URLs and no token.
public struct ClientStatistics: Sendable, Hashable {
    /// HTTP requests started (every attempt counts; cache hits do not). A speculative page
    /// cancelled at the very moment it starts may count here without reaching the server.
    public var requests = 0
    /// Pages (and lookups) received and decoded from the network.
    public var pages = 0
    /// Body bytes received, including bodies that were then retried.
    public var bytesReceived = 0
    /// Attempts made again after a transient failure.
    public var retries = 0
    /// Pages and lookups answered from the cache without a request.
    public var cacheHits = 0
    /// Failed attempts, by what went wrong.
    public var failures: [FailureKind: Int] = [:]

    public init() {}

    /// The counts accumulated since `earlier`, for reporting one statement's traffic.
    public func since(_ earlier: ClientStatistics) -> ClientStatistics {
        var delta = ClientStatistics()
        delta.requests = requests - earlier.requests
        delta.pages = pages - earlier.pages
        delta.bytesReceived = bytesReceived - earlier.bytesReceived
        delta.retries = retries - earlier.retries
        delta.cacheHits = cacheHits - earlier.cacheHits
        for (kind, count) in failures {
            let difference = count - (earlier.failures[kind] ?? 0)
            if difference != 0 { delta.failures[kind] = difference }
        }
        return delta
    }
}
