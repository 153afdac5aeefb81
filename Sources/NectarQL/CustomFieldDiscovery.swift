import NectarCatalog
import NectarSource

/// What a session knows of the account's custom fields.
enum CustomFieldsState: Sendable {
    case unknown
    case defined([CustomFieldDefinition])
    /// There are no custom columns, and this says why (shown once by `describe`).
    case unavailable(reason: String)
}

/// Reads the account's custom field definitions: one request, `GET campoPersonalizado/?page=-1`
/// (the API's "everything, up to 200" page), through the client's cache like any page.
/// 403 and 404 mean the token or its plan cannot read them: the session then simply has no
/// custom columns. Any other failure is thrown, so the statement reports it and the next one retries.
struct CustomFieldDiscovery {
    static let request = PageRequest(path: "campoPersonalizado/", parameters: [QueryParameter("page", "-1")])
    let client: NectarClient

    func discover() async throws -> CustomFieldsState {
        let found: [CustomFieldDefinition]??
        do {
            found = try await client.fetch(path: Self.request.path, parameters: Self.request.parameters, decoder: DefinitionsDecoder())
        } catch let error as APIError where error.kind == .forbidden || error.kind == .notFound {
            return .unavailable(reason: Self.explain(status: error.status ?? 403))
        }
        switch found {
        case .none: return .unavailable(reason: Self.explain(status: 404))
        case .some(.none): return .unavailable(reason: "\(Self.request.path) answered something other than a list of definitions")
        case .some(.some(let definitions)): return .defined(definitions)
        }
    }

    private static func explain(status: Int) -> String {
        "no custom fields: \(request.path) answered HTTP \(status) (the token's user or plan cannot read field definitions)"
    }
}

/// The account's custom field definitions; nil when the body is not a list of them.
private struct DefinitionsDecoder: PageDecoder {
    var identity: SoleDecoder? { SoleDecoder() }

    func decode(_ body: [UInt8]) throws -> DecodedPage<[CustomFieldDefinition]?> {
        let definitions = try CustomFieldDefinition.decodeList(body)
        return DecodedPage(content: definitions, recordCount: definitions?.count ?? 0)
    }
}
