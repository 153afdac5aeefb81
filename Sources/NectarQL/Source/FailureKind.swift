/// What went wrong with one HTTP attempt. Counted in `ClientStatistics.failures` and reported
/// as `APIError.lastFailure` when retries run out.
public enum FailureKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case rateLimited = "rate limited (HTTP 429)"
    case serverError = "server error (HTTP 5xx)"
    case droppedConnection = "connection dropped"
    case timeout = "timed out"
    case truncatedBody = "truncated body"
    case undecodableBody = "body that does not decode"
    case unreachable = "host unreachable"
    case unauthorized = "token rejected (HTTP 401)"
    case forbidden = "access denied (HTTP 403)"
    case unexpectedStatus = "unexpected HTTP status"

    public var description: String { rawValue }

    /// Transient problems worth another attempt; the rest will not change by retrying (a whole
    /// body that does not decode is decoded after the retry loop, and reported at once).
    var isRetryable: Bool {
        switch self {
        case .rateLimited, .serverError, .droppedConnection, .timeout, .truncatedBody:
            true
        case .undecodableBody, .unreachable, .unauthorized, .forbidden, .unexpectedStatus:
            false
        }
    }
}
