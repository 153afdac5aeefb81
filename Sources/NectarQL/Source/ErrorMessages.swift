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

    static func unreachable(_ target: RequestTarget, detail: String, attempts: Int) -> APIError {
        APIError(
            kind: .network(host: target.host, detail: detail), endpoint: target.endpoint, attempts: attempts,
            lastFailure: .unreachable,
            message: "cannot reach \(target.host) for GET \(target.endpoint) (\(detail)): check the API address "
                + "(NECTAR_API_URL or --api-url), the network connection and any proxy or firewall, then try again")
    }

    static func exhausted(
        _ target: RequestTarget, attempts: Int, last: FailureKind, status: Int?, detail: String, elapsed: Duration
    ) -> APIError {
        let statusText = status.map { ", last HTTP status \($0)" } ?? ""
        let seconds = elapsed / .seconds(1)
        let elapsedText = String(Int(seconds.rounded()))
        return APIError(
            kind: .retriesExhausted, endpoint: target.endpoint, status: status, attempts: attempts, lastFailure: last,
            message: "GET \(target.endpoint) on \(target.host) failed after \(attempts) attempts in about "
                + "\(elapsedText) s; the last one met a \(last)\(statusText) (\(detail)). The API may be overloaded "
                + "or the connection unstable: try again later, lower the concurrency or the request rate, "
                + "or allow more attempts")
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
