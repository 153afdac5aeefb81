/// How a `NectarClient` talks to the API. Defaults follow `nectar-api.md`: pages of 50,
/// a handful of requests in flight, patient but bounded retries.
public struct ClientConfiguration: Sendable {
    /// The API root, ending in `/`, e.g. `https://app.nectarcrm.com.br/crm/api/1/`.
    /// Plain `http://` is accepted only for loopback hosts (the fake API in tests and demos).
    public var baseURL: String
    /// Sent only as the `Access-Token` header; never written into a URL, error or statistic.
    public var token: String
    /// `displayLength`, sent with every page request; a shorter page marks the end.
    public var pageSize = 50
    /// One limit on requests in flight, shared by every scan and lookup of the client.
    public var concurrency = 4
    /// Spaces out every request of the client; `nil` means no limit.
    public var maxRequestsPerSecond: Double? = nil
    /// Attempts per request, the first one included.
    public var maxAttempts = 6
    /// Total time one request may spend waiting between attempts.
    public var retryBudget: Duration = .seconds(60)
    /// Deadline for one attempt: connecting, sending and reading the whole body.
    public var requestTimeout: Duration = .seconds(60)
    /// How long decoded pages and lookups are reused; `nil` disables the cache.
    public var cacheTTL: Duration? = .seconds(300)
    /// Response bytes the cache may hold (decoded pages take two to three times as much): a session
    /// that reads a large table whole keeps memory flat instead of holding the table for the TTL.
    public var cacheByteBudget = 6 * 1024 * 1024

    public init(baseURL: String, token: String) {
        self.baseURL = baseURL
        self.token = token
    }
}
