/// How a `NectarClient` talks to the API. Defaults follow `nectar-api.md`: pages of 50,
/// a handful of requests in flight, patient but bounded retries.
package struct ClientConfiguration: Sendable {
    /// The API root, ending in `/`, e.g. `https://app.nectarcrm.com.br/crm/api/1/`.
    /// Plain `http://` is accepted only for loopback hosts (the fake API in tests and demos).
    package var baseURL: String
    /// Sent only as the `Access-Token` header; never written into a URL, error or statistic.
    package var token: String
    /// `displayLength`, sent with every page request; a shorter page marks the end.
    /// At most `maximumPageSize`: the API answers a larger request with a page of its own cap,
    /// which would read as the end of the listing.
    package var pageSize = ClientConfiguration.maximumPageSize
    /// One limit on requests in flight, shared by every scan and lookup of the client.
    package var concurrency = 4
    /// Spaces out every request of the client; `nil` means no limit.
    package var maxRequestsPerSecond: Double? = nil
    /// Attempts per request, the first one included.
    package var maxAttempts = 6
    /// Total time one request may spend waiting between attempts.
    package var retryBudget: Duration = .seconds(60)
    /// Deadline for one attempt: connecting, sending and reading the whole body.
    package var requestTimeout: Duration = .seconds(60)
    /// How long decoded pages and lookups are reused; `nil` disables the cache.
    package var cacheTTL: Duration? = .seconds(300)
    /// Response bytes the cache may hold (decoded pages take two to three times as much): a session
    /// that reads a large table whole keeps memory flat instead of holding the table for the TTL.
    package var cacheByteBudget = 6 * 1024 * 1024

    /// The most records a page may ask for: the API's endpoint pages document 50 (nectar-api.md).
    package static let maximumPageSize = 50

    /// Why `size` cannot be the page size, or nil when it can; `setting` names it as the user
    /// wrote it (`--page-size`). The one rule the client, the engine and the shell apply.
    package static func pageSizeProblem(_ size: Int, setting: String) -> String? {
        guard !(1...maximumPageSize).contains(size) else { return nil }
        return "\(setting) must be between 1 and \(maximumPageSize) (the API's largest page is \(maximumPageSize) records "
            + "and it answers a larger request with a page of \(maximumPageSize), which would look like the end of the listing); got \(size)"
    }

    package init(baseURL: String, token: String) {
        self.baseURL = baseURL
        self.token = token
    }
}
