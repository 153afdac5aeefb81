import Foundation

/// A checked API root. Building it is where unsafe or malformed base URLs are refused, so that
/// nothing later can send the token over plain HTTP to another machine.
struct BaseURL: Sendable, Hashable {
    /// Normalised text, always ending in `/`.
    let text: String
    let host: String

    static let example = "https://app.nectarcrm.com.br/crm/api/1/"

    static func parse(_ raw: String) throws(APIError) -> BaseURL {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw ErrorMessages.configuration("the API base URL is empty; set NECTAR_API_URL or --api-url to something like \(example)")
        }
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(),
            let rawHost = parts.host, !rawHost.isEmpty
        else {
            throw ErrorMessages.configuration("the API base URL “\(trimmed)” is not a valid URL; expected something like \(example)")
        }
        if parts.user != nil || parts.password != nil || parts.query != nil || parts.fragment != nil {
            throw ErrorMessages.configuration(
                "the API base URL must not carry credentials, a query or a fragment (the token goes in the "
                    + "Access-Token header, never in a URL); use only scheme, host and path, like \(example)")
        }
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        switch scheme {
        case "https":
            break
        case "http" where isLoopback(host):
            break
        case "http":
            throw ErrorMessages.configuration(
                "refusing plain http:// to \(host): the token would cross the network unencrypted; "
                    + "use https:// (plain http is accepted only for 127.0.0.1, localhost or ::1)")
        default:
            throw ErrorMessages.configuration("the API base URL “\(trimmed)” uses the scheme \(scheme):; use https://, like \(example)")
        }
        let normalised = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        return BaseURL(text: normalised, host: host)
    }

    /// 127.0.0.0/8, `localhost` and `::1`: the only hosts where plain HTTP keeps the token local.
    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "localhost." || lowered == "::1" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let numbers = octets.compactMap { UInt8($0) }
        return numbers.count == 4 && numbers[0] == 127
    }

    /// The absolute URL to send, the token-free form used in errors (`contatos/?page=1…`) and
    /// the encoded path alone.
    func locate(path: String, parameters: [QueryParameter]) -> (url: String, endpoint: String, path: String) {
        let relative = QueryEncoding.path(path)
        let query = QueryEncoding.query(parameters)
        let endpoint = query.isEmpty ? relative : relative + "?" + query
        return (text + endpoint, endpoint, relative)
    }
}
