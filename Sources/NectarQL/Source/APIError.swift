/// Why a request to the API failed, worded so that a person knows what to do next.
/// `endpoint` and `message` never contain the token: it travels only in a header.
public struct APIError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// HTTP 401: expired or wrong token (or, per the API docs, a malformed parameter).
        case unauthorized
        /// HTTP 403: the token's user or plan may not read this endpoint.
        case forbidden
        /// HTTP 404 where a record was required (a listing endpoint that does not exist).
        case notFound
        /// An unexpected 5xx that is not worth retrying (e.g. 501).
        case server(status: Int)
        /// The host could not be reached: DNS, refused connection, TLS.
        case network(host: String, detail: String)
        /// An answer the client cannot use: an unexpected status (3xx, 4xx) or body.
        case invalidResponse
        /// Every attempt failed with a transient problem; `lastFailure` says which.
        case retriesExhausted
        /// The client was configured with something it cannot use (a bad base URL).
        case configuration
    }

    public let kind: Kind
    /// The request, relative to the base URL, e.g. `contatos/?page=3&displayLength=50`.
    public let endpoint: String
    /// The last HTTP status received, if any.
    public let status: Int?
    /// HTTP attempts made for this request (0 when it was refused before sending).
    public let attempts: Int
    /// For `retriesExhausted`: what the last attempt ran into.
    public let lastFailure: FailureKind?
    public let message: String

    public init(
        kind: Kind, endpoint: String, status: Int? = nil, attempts: Int = 0,
        lastFailure: FailureKind? = nil, message: String
    ) {
        self.kind = kind
        self.endpoint = endpoint
        self.status = status
        self.attempts = attempts
        self.lastFailure = lastFailure
        self.message = message
    }

    public var description: String { message }

    /// The same error with every occurrence of `secret` masked. Applied to every error the
    /// client throws, as a second line of defence should a URL or a library message carry it.
    func redacting(_ secret: String) -> APIError {
        // A secret of a few characters is no real token; masking it would garble words.
        guard secret.count >= 4 else { return self }
        func mask(_ text: String) -> String { text.replacingAll(secret, with: "***") }
        let safeKind: Kind
        if case .network(let host, let detail) = kind {
            safeKind = .network(host: mask(host), detail: mask(detail))
        } else {
            safeKind = kind
        }
        return APIError(
            kind: safeKind, endpoint: mask(endpoint), status: status, attempts: attempts,
            lastFailure: lastFailure, message: mask(message))
    }
}

extension String {
    /// Plain substring replacement.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
