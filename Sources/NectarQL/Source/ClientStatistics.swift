/// Cumulative counters of one client since it was created. Holds no URLs and no token.
package struct ClientStatistics: Sendable, Hashable {
    /// HTTP requests started (every attempt counts; cache hits do not). A speculative page
    /// cancelled at the very moment it starts may count here without reaching the server.
    package var requests = 0
    /// Pages (and lookups) received and decoded from the network.
    package var pages = 0
    /// Body bytes received, including bodies that were then retried.
    package var bytesReceived = 0
    /// Attempts made again after a transient failure.
    package var retries = 0
    /// Pages and lookups answered from the cache without a request.
    package var cacheHits = 0
    /// Failed attempts, by what went wrong.
    package var failures: [FailureKind: Int] = [:]

    package init() {}

    /// The counts accumulated since `earlier`, for reporting one statement's traffic.
    package func since(_ earlier: ClientStatistics) -> ClientStatistics {
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
