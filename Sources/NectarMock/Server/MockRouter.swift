/// Answers one authenticated-or-not request from the indexed dataset, following nectar-api.md:
/// listings with paging, filters and projection, single-record lookups and the lookup paths.
struct MockRouter: Sendable {
    static let basePath = "/crm/api/1/"
    /// Used when `displayLength` is omitted: the real default is undocumented, so clients must not rely on it.
    static let defaultPageSize = 20
    static let maximumPageSize = 50
    /// `page=-1` lists "the maximum, 200 objects".
    static let maximumListing = 200

    let token: String
    let customFields: CustomFieldAccess
    private let index: EndpointIndex
    /// Matching positions per filter query, so a scan of many pages filters once, not once per page.
    private let selections = SelectionCache()

    init(dataset: MockDataset, token: String, customFields: CustomFieldAccess = .available) {
        self.token = token
        self.customFields = customFields
        index = EndpointIndex(dataset: dataset)
    }

    func respond(to request: MockRequest) -> MockResponse {
        guard request.method == "GET" else {
            return .error(405, "Only GET is served by the fake API; got \(request.method).")
        }
        guard request.accessToken == token || request.value("api_token") == token else {
            return .error(401, "Missing or invalid Access-Token.")
        }
        guard request.path.hasPrefix(Self.basePath) else {
            return .error(404, "Unknown path \(request.path): the API lives under \(Self.basePath).")
        }
        let segments = request.path.dropFirst(Self.basePath.count).split(separator: "/").map { MockRequest.percentDecoded($0) }
        if let first = segments.first, CustomFieldDefinitions.paths.contains(first), segments.count == 1 {
            return customFieldDefinitions(request)
        }
        guard let first = segments.first, let endpoint = MockEndpoint(rawValue: first) else {
            return .error(404, "Unknown endpoint \(request.path).")
        }
        let rest = Array(segments.dropFirst())
        switch rest.count {
        case 0: return listing(endpoint, request)
        case 1: return single(endpoint, id: rest[0])
        case 2: return lookup(endpoint, kind: rest[0], key: rest[1], request)
        default: return .error(404, "Unknown path \(request.path).")
        }
    }

    // MARK: - Listing

    private func listing(_ endpoint: MockEndpoint, _ request: MockRequest) -> MockResponse {
        do throws(ListingFilter.Malformed) {
            let filter = try ListingFilter(endpoint, request)
            let page = try ListingFilter.integer("page", request) ?? 1
            let requestedLength = try ListingFilter.integer("displayLength", request) ?? Self.defaultPageSize
            guard page >= 1 || page == -1 else { throw ListingFilter.Malformed(parameter: "page", value: String(page)) }
            guard requestedLength >= 1 else {
                throw ListingFilter.Malformed(parameter: "displayLength", value: String(requestedLength))
            }
            let all = index[endpoint].records
            let matching = selection(of: all, endpoint, request, filter)
            let window: ArraySlice<Int>
            if page == -1 {
                window = matching.prefix(Self.maximumListing)
            } else {
                let length = min(requestedLength, Self.maximumPageSize)
                let start = (page - 1) * length
                window = start < matching.count ? matching[start..<min(start + length, matching.count)] : []
            }
            return MockResponse(status: 200, body: Self.array(window.map { all[$0] }, projection: Set(request.values("attribute"))))
        } catch {
            return .error(401, "Malformed parameter \(error.parameter)=\(error.value).")
        }
    }

    /// The account's custom field definitions, paged like a listing (`page=-1`: up to 200), or
    /// the status an account without access gets.
    private func customFieldDefinitions(_ request: MockRequest) -> MockResponse {
        if let status = customFields.refusal { return .error(status, "Custom fields are not available to this token.") }
        let page = (try? ListingFilter.integer("page", request)) ?? 1
        let requested = (try? ListingFilter.integer("displayLength", request)) ?? Self.defaultPageSize
        let length = max(1, min(requested, Self.maximumPageSize))
        let all = CustomFieldDefinitions.all
        let window = page == -1 ? all.prefix(Self.maximumListing) : all.dropFirst(max(0, page - 1) * length).prefix(length)
        return .json(200, .array(Array(window)))
    }

    /// The positions of the records `filter` selects, computed once per distinct filter query.
    private func selection(of all: [IndexedRecord], _ endpoint: MockEndpoint, _ request: MockRequest, _ filter: ListingFilter) -> [Int] {
        let paging: Set<String> = ["page", "displayLength", "attribute", "api_token"]
        let key = endpoint.rawValue + "?" + request.query.filter { !paging.contains($0.name) }
            .map { $0.name + "=" + $0.value }.sorted().joined(separator: "&")
        if let cached = selections.positions(for: key) { return cached }
        let positions = all.indices.filter { filter.matches(all[$0]) }
        selections.store(positions, for: key)
        return positions
    }

    /// `[r1,r2,…]` from the cached bytes, or re-encoded when `attribute=` asks for a projection.
    static func array(_ window: some Collection<IndexedRecord>, projection: Set<String>) -> [UInt8] {
        var body: [UInt8] = [UInt8(ascii: "[")]
        for (index, record) in window.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            if projection.isEmpty {
                body.append(contentsOf: record.bytes)
            } else {
                record.json.projected(onto: projection).encode(into: &body)
            }
        }
        body.append(UInt8(ascii: "]"))
        return body
    }

    // MARK: - Lookups

    private func single(_ endpoint: MockEndpoint, id: String) -> MockResponse {
        let entry = index[endpoint]
        guard let wanted = Int(id), let position = entry.positions[wanted] else {
            return .error(404, "No \(endpoint.rawValue) record with id \(id).")
        }
        return MockResponse(status: 200, body: entry.records[position].bytes)
    }

    private func lookup(_ endpoint: MockEndpoint, kind: String, key: String, _ request: MockRequest) -> MockResponse {
        let all = index[endpoint].records
        switch (endpoint, kind) {
        case (.contatos, "email"):
            return first(all) { $0.emails.contains(key.lowercased()) } ?? .error(404, "No contato with e-mail \(key).")
        case (.contatos, "telefone"):
            let digits = BrazilianDocuments.digits(key)
            return first(all) { !digits.isEmpty && $0.phones.contains(digits) } ?? .error(404, "No contato with telefone \(key).")
        case (.contatos, "cnpj"):
            let digits = BrazilianDocuments.digits(key)
            return first(all) { !digits.isEmpty && $0.cnpj == digits } ?? .error(404, "No contato with CNPJ \(key).")
        case (.contatos, "cpf"):
            let digits = BrazilianDocuments.digits(key)
            return first(all) { !digits.isEmpty && $0.cpf == digits } ?? .error(404, "No contato with CPF \(key).")
        case (.oportunidades, "contatoId"):
            guard let id = Int(key) else { return .error(401, "Malformed contatoId \(key).") }
            return list(all) { $0.clienteID == id }
        case (.proposta, "opportunity"):
            guard let id = Int(key) else { return .error(401, "Malformed opportunity id \(key).") }
            return list(all) { $0.oportunidadeID == id }
        default:
            return .error(404, "Unknown lookup \(endpoint.rawValue)/\(kind)/.")
        }
    }

    /// The contact lookups answer with one object, the lowest id when several match.
    private func first(_ records: [IndexedRecord], where matches: (IndexedRecord) -> Bool) -> MockResponse? {
        records.first(where: matches).map { MockResponse(status: 200, body: $0.bytes) }
    }

    /// Per-key list lookups answer with an array, `[]` when nothing matches.
    private func list(_ records: [IndexedRecord], where matches: (IndexedRecord) -> Bool) -> MockResponse {
        MockResponse(status: 200, body: Self.array(records.filter(matches), projection: []))
    }
}
