/// The documented filters of one listing request, parsed and validated. A malformed value makes
/// the request fail with 401, as nectar-api.md warns the real API does.
struct ListingFilter {
    struct Malformed: Error {
        let parameter: String
        let value: String
    }

    /// Which filters each endpoint honours (nectar-api.md); others are ignored, as unknown parameters are.
    enum Kind: Hashable {
        case name, constante, status, type, cliente, pipeline, usuarios, responsaveis, origem, segmento
        case created, updated, limit, conclusion
    }

    static let supported: [MockEndpoint: Set<Kind>] = [
        .contatos: [.name, .constante, .created, .updated, .origem, .segmento, .responsaveis],
        .oportunidades: [.status, .created, .updated, .limit, .conclusion, .name, .cliente, .pipeline, .usuarios],
        .qualificacoes: [.status, .created, .updated, .limit, .name, .cliente, .usuarios],
        .pipeline: [.type],
        .proposta: [.status],
    ]

    private var predicates: [(IndexedRecord) -> Bool] = []

    init(_ endpoint: MockEndpoint, _ request: MockRequest) throws(Malformed) {
        let kinds = Self.supported[endpoint] ?? []
        if kinds.contains(.name), let prefix = request.value("nome") {
            let exact = request.value("exato")?.lowercased() == "true"
            let wanted = prefix.lowercased()
            predicates.append { record in
                [record.name, record.code].contains { candidate in
                    guard let candidate else { return false }
                    return exact ? candidate == wanted : candidate.hasPrefix(wanted)
                }
            }
        }
        if kinds.contains(.status) {
            // The quirk: `oportunidades/` without `status` answers status 1 (in progress) only.
            let defaultStatus = endpoint == .oportunidades ? 1 : nil
            if let status = try Self.integer("status", request) ?? defaultStatus {
                predicates.append { $0.status == status }
            }
        }
        try addEquality(.constante, "constante", kinds, request, \.constante)
        try addEquality(.type, "type", kinds, request, \.tipo)
        try addEquality(.cliente, "clienteId", kinds, request, \.clienteID)
        try addEquality(.pipeline, "pipelineId", kinds, request, \.pipelineID)
        try addEquality(.origem, "origemId", kinds, request, \.origemID)
        try addEquality(.segmento, "segmentoId", kinds, request, \.segmentoID)
        try addList(.usuarios, "usuariosId", kinds, request)
        try addList(.responsaveis, "responsaveisId", kinds, request)
        try addDates(.created, "dataInicio", "dataFim", kinds, request, \.createdDay)
        try addDates(.updated, "dataInicioAtualizacao", "dataFimAtualizacao", kinds, request, \.updatedDay)
        try addDates(.limit, "dataInicioLimite", "dataFimLimite", kinds, request, \.limitDay)
        try addDates(.conclusion, "dataInicioConclusao", "dataFimConclusao", kinds, request, \.conclusionDay)
    }

    func matches(_ record: IndexedRecord) -> Bool {
        predicates.allSatisfy { $0(record) }
    }

    private mutating func addEquality(
        _ kind: Kind, _ parameter: String, _ kinds: Set<Kind>, _ request: MockRequest, _ field: KeyPath<IndexedRecord, Int?>
    ) throws(Malformed) {
        guard kinds.contains(kind), let wanted = try Self.integer(parameter, request) else { return }
        predicates.append { $0[keyPath: field] == wanted }
    }

    /// `usuariosId` / `responsaveisId`: a comma list of owner ids.
    private mutating func addList(_ kind: Kind, _ parameter: String, _ kinds: Set<Kind>, _ request: MockRequest) throws(Malformed) {
        guard kinds.contains(kind), let text = request.value(parameter) else { return }
        var wanted: Set<Int> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let id = Int(item.trimmingSpaces) else { throw Malformed(parameter: parameter, value: text) }
            wanted.insert(id)
        }
        predicates.append { $0.responsavelID.map(wanted.contains) ?? false }
    }

    /// A `dd/MM/yyyy` pair, inclusive whole days in UTC−03:00; either bound may be absent.
    private mutating func addDates(
        _ kind: Kind, _ from: String, _ to: String, _ kinds: Set<Kind>, _ request: MockRequest, _ field: KeyPath<IndexedRecord, Int?>
    ) throws(Malformed) {
        guard kinds.contains(kind) else { return }
        let lower = try Self.day(from, request)
        let upper = try Self.day(to, request)
        guard lower != nil || upper != nil else { return }
        predicates.append { record in
            guard let day = record[keyPath: field] else { return false }
            return day >= (lower ?? Int.min) && day <= (upper ?? Int.max)
        }
    }

    static func integer(_ parameter: String, _ request: MockRequest) throws(Malformed) -> Int? {
        guard let text = request.value(parameter) else { return nil }
        guard let value = Int(text.trimmingSpaces) else { throw Malformed(parameter: parameter, value: text) }
        return value
    }

    static func day(_ parameter: String, _ request: MockRequest) throws(Malformed) -> Int? {
        guard let text = request.value(parameter) else { return nil }
        guard let day = MockTimestamp.day(fromFilter: text) else { throw Malformed(parameter: parameter, value: text) }
        return day
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
