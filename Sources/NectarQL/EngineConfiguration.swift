import Foundation
import NectarCatalog
import NectarSource

/// Everything an embedding program or the shell decides before the first statement runs.
public struct EngineConfiguration: Sendable {
    public static let defaultAPIURL = "https://app.nectarcrm.com.br/crm/api/1/"
    public static let defaultTimeZone = SessionTimeZone.standard
    /// The client's own defaults, so the two layers cannot drift apart.
    private static let client = ClientConfiguration(baseURL: defaultAPIURL, token: "")

    public var apiURL: String
    /// Sent only as the `Access-Token` header; never printed.
    public var token: String
    /// The zone the session starts in (`Engine.timeZone` is the current one): date literals are
    /// read and timestamps shown in it.
    public var timeZone: TimeZone
    /// Records per page (`displayLength`); the API documents 50 as its maximum.
    public var pageSize: Int = EngineConfiguration.client.pageSize
    /// Requests in flight at once, across every scan of a statement.
    public var concurrency: Int = EngineConfiguration.client.concurrency
    /// A client-side ceiling on requests per second, to stay under the server's own limit.
    public var maxRequestsPerSecond: Double?
    /// How long fetched pages and lookups are reused within a session; nil turns the cache off.
    public var cacheTTL: Duration? = EngineConfiguration.client.cacheTTL
    /// Attempts per request before a statement fails (the first try included).
    public var maxAttempts: Int = EngineConfiguration.client.maxAttempts
    /// Where the sizes of listings read to their end are kept between sessions (a small JSON
    /// file, mode 0600); nil keeps them for the session only. A remembered size lets a scan ask
    /// for exactly the pages it needs at once; it never changes an answer.
    public var listingSizesFile: String?
    /// Push filters, projections, lookups and limits into the requests. Turning it off reads every
    /// table whole, one way to see what the planner saves (the benchmark's naive strategy).
    public var pushdown = true

    public init(apiURL: String = EngineConfiguration.defaultAPIURL, token: String, timeZone: TimeZone = EngineConfiguration.defaultTimeZone) {
        self.apiURL = apiURL
        self.token = token
        self.timeZone = timeZone
    }
}
