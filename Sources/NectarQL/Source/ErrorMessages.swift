/// The wording of every `APIError` the client raises: what happened, where, and what to do.
/// `endpoint` is the request relative to the base URL and never holds the token.
enum ErrorMessages {
    /// A setting the client cannot work with, refused before any request.
    static func configuration(_ message: String) -> APIError {
        APIError(kind: .configuration, endpoint: "", message: message)
    }

    static func unauthorized(_ target: RequestTarget, attempts: Int) -> APIError {
        APIError(
            kind: .unauthorized, endpoint: target.endpoint, status: 401, attempts: attempts,
            message: "the API rejected the token (HTTP 401) for GET \(target.path): it may have expired; "
                + "generate a new one under Configurações > Integrações > Gerar Token. The API also answers 401 "
                + "to a malformed parameter; the request was GET \(target.endpoint)")
    }

    static func forbidden(_ target: RequestTarget, attempts: Int) -> APIError {
        APIError(
            kind: .forbidden, endpoint: target.endpoint, status: 403, attempts: attempts,
            message: "the API denied access (HTTP 403) to GET \(target.endpoint): the token's user or the "
                + "account's plan cannot read \(target.path); use a token of an administrator "
                + "(Configurações > Integrações) or a plan that includes this endpoint")
    }

    static func listingNotFound(_ target: RequestTarget, attempts: Int) -> APIError {
        APIError(
            kind: .notFound, endpoint: target.endpoint, status: 404, attempts: attempts,
            message: "the API has no listing at GET \(target.endpoint) (HTTP 404); check the endpoint path "
                + "and that the base URL ends in /crm/api/1/")
    }

    static func unexpectedStatus(_ target: RequestTarget, status: Int, attempts: Int) -> APIError {
        let kind: APIError.Kind = status >= 500 ? .server(status: status) : .invalidResponse
        let advice = status >= 500
            ? "the server failed in a way retrying will not fix; try again later"
            : "the client did not expect it; check the query's filters, and the base URL if it is a redirect (\(status / 100)xx)"
        return APIError(
            kind: kind, endpoint: target.endpoint, status: status, attempts: attempts,
            message: "the API answered HTTP \(status) to GET \(target.endpoint): \(advice)")
    }

    static func undecodable(_ target: RequestTarget, bytes: Int, error: any Error, attempts: Int) -> APIError {
        APIError(
            kind: .invalidResponse, endpoint: target.endpoint, status: 200, attempts: attempts, lastFailure: .undecodableBody,
            message: "the API answered GET \(target.endpoint) with \(bytes) bytes that do not read as its records: \(error). "
                + "Retrying would get the same answer; if it persists, the API's format may have changed")
    }

    static func unreachable(_ target: RequestTarget, detail: String, attempts: Int) -> APIError {
        APIError(
            kind: .network(host: target.host, detail: detail), endpoint: target.endpoint, attempts: attempts,
            lastFailure: .unreachable,
            message: "cannot reach \(target.host) for GET \(target.endpoint): \(detail). Check the API address "
                + "(NECTAR_API_URL or --api-url), the network connection and any proxy or firewall, then try again")
    }

    /// One failed attempt in words, e.g. `the server answered 429 Too Many Requests`.
    struct Attempt: Equatable {
        let kind: FailureKind
        let status: Int?
    }

    /// `failures` holds every attempt in order; the last is the one that ended the request.
    static func exhausted(_ target: RequestTarget, failures: [Attempt], elapsed: Duration) -> APIError {
        let seconds = Int((elapsed / .seconds(1)).rounded())
        let last = failures.last ?? Attempt(kind: .droppedConnection, status: nil)
        let count = failures.count
        return APIError(
            kind: .retriesExhausted, endpoint: target.endpoint, status: last.status, attempts: count, lastFailure: last.kind,
            message: "gave up on GET \(target.endpoint) on \(target.host) after \(count) attempt\(count == 1 ? "" : "s") "
                + "over \(seconds) s: \(summary(of: failures)). The API may be overloaded or the connection unstable: "
                + "try again later, or lower the concurrency (--concurrency) or the request rate (--max-rps)")
    }

    /// `… each time` when every attempt failed alike, else each cause with how often it came.
    private static func summary(of failures: [Attempt]) -> String {
        var causes: [String] = []
        var counts: [String: Int] = [:]
        for failure in failures {
            let text = words(failure)
            if counts[text] == nil { causes.append(text) }
            counts[text, default: 0] += 1
        }
        if causes.count == 1 { return causes[0] + (failures.count > 1 ? " each time" : "") }
        return causes.map { cause in
            let times = counts[cause] ?? 0
            return "\(cause) " + (times == 1 ? "once" : "\(times) times")
        }.joined(separator: ", ")
    }

    private static func words(_ failure: Attempt) -> String {
        switch failure.kind {
        case .rateLimited: "the server answered 429 Too Many Requests"
        case .serverError: "the server answered " + statusText(failure.status)
        case .droppedConnection: "the connection dropped before the answer"
        case .timeout: "no answer came within the request timeout"
        case .truncatedBody: "the answer was cut short"
        case .undecodableBody: "the answer was not JSON the client could read"
        case .unreachable: "the host could not be reached"
        case .unauthorized: "the server answered 401 Unauthorized"
        case .forbidden: "the server answered 403 Forbidden"
        case .unexpectedStatus: "the server answered " + statusText(failure.status)
        }
    }

    private static func statusText(_ status: Int?) -> String {
        guard let status else { return "an unexpected status" }
        let reasons = [500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"]
        return reasons[status].map { "\(status) \($0)" } ?? "HTTP \(status)"
    }

    static func paging(_ inconsistency: PagingInconsistency, path: String, pageSize: Int) -> APIError {
        let message: String
        switch inconsistency {
        case .largerThanAsked(let page, let records):
            message = "page \(page) of GET \(path) held \(records) records though displayLength=\(pageSize) asked for at most "
                + "\(pageSize): the API did not honour the page size, so its pages may skip records; the statement stops "
                + "rather than give an incomplete answer. Try a smaller page size (--page-size)"
        case .shortBeforeMore(let page, let records, let nextRecords):
            message = "page \(page) of GET \(path) held \(records) of the \(pageSize) records asked for, which ends a listing, "
                + "yet page \(page + 1) holds \(nextRecords) more: the API seems to cap pages at \(records) records, so the "
                + "listing cannot be read to its end reliably; set the page size to \(records) (--page-size \(records))"
        }
        return APIError(kind: .invalidResponse, endpoint: path, message: message)
    }
}
