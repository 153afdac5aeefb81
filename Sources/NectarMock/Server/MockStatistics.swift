/// What the fake API has seen and done since it started (or since `resetStatistics()`).
public struct MockStatistics: Sendable, Equatable {
    /// Every request received, whatever happened to it.
    public var requests: Int = 0
    /// Bytes of response bodies written (a truncated body counts what was written).
    public var bytesSent: Int = 0
    /// Requests per path, without the query string (`/crm/api/1/oportunidades/`).
    public var requestsByPath: [String: Int] = [:]
    /// Responses per HTTP status; dropped connections have none.
    public var responsesByStatus: [Int: Int] = [:]
    /// Injected faults per kind (`MockFaultKind.rawValue`), and `tokenInURL` for requests that sent `api_token`.
    public var faults: [String: Int] = [:]
    /// `METHOD path?query` of every request, in arrival order, for tests that assert pushed parameters.
    public var requestLines: [String] = []

    public init() {}

    public func faultCount(_ kind: MockFaultKind) -> Int { faults[kind.rawValue] ?? 0 }

    /// Requests that carried the token in the URL (`api_token=`), which a careful client never does.
    public var tokenInURLRequests: Int { faultCount(.tokenInURL) }
}

/// The kinds of misbehaviour counted in `MockStatistics.faults`.
public enum MockFaultKind: String, Sendable, CaseIterable {
    case throttle, rateLimit, serverError, drop, truncate, tokenInURL
}
