import NectarMock

/// What the benchmark needs to know about the generated data to choose ids that exist and to
/// compute each query's minimum request count from the records themselves.
struct DatasetFacts {
    struct Opportunity {
        let id: Int
        let status: Int?
        let clienteID: Int?
        let name: String?
        /// Name and code in lower case, as the API's `nome` prefix search compares them.
        let searchable: [String]
    }

    let contatoIDs: [Int]
    /// Brazilian calendar day (days since 1970-01-01, UTC−03:00) each contato was created, as the API's date filter sees it.
    let contatoCreatedDays: [Int?]
    let opportunities: [Opportunity]
    let tarefaClienteIDs: [Int?]
    var tarefaCount: Int { tarefaClienteIDs.count }

    init(_ dataset: MockDataset) {
        let contatos = dataset.records(.contatos)
        contatoIDs = contatos.compactMap { $0["id"]?.intValue }
        contatoCreatedDays = contatos.map { record in
            record["dataCriacao"].flatMap(MockTimestamp.epochSeconds(of:)).map(MockTimestamp.brazilDay(ofEpochSeconds:))
        }
        opportunities = dataset.records(.oportunidades).compactMap { record in
            guard let id = record["id"]?.intValue else { return nil }
            return Opportunity(
                id: id, status: record["status"]?.intValue, clienteID: record[path: ["cliente", "id"]]?.intValue,
                name: record["nome"]?.stringValue, searchable: [record["nome"], record["codigo"]].compactMap { $0?.stringValue?.lowercased() })
        }
        tarefaClienteIDs = dataset.records(.tarefas).map { $0[path: ["cliente", "id"]]?.intValue }
    }

    var contatoCount: Int { contatoIDs.count }

    /// Opportunities per status the API accepts (1–5); each is its own listing.
    static let opportunityStatuses = [1, 2, 3, 4, 5]

    func opportunityCount(status: Int) -> Int {
        opportunities.count { $0.status == status }
    }

    /// Every opportunity the API can list: one listing per status.
    var opportunityFanOut: RequestBudget {
        .listings(records: Self.opportunityStatuses.map(opportunityCount(status:)))
    }

    var contatoScan: RequestBudget { .listing(records: contatoCount) }

    /// The opportunities' listings with `nome=prefix`, one per status: the API matches a prefix
    /// of the name or the code, in any case.
    func opportunityFanOut(namePrefix prefix: String) -> RequestBudget {
        let wanted = prefix.lowercased()
        return .listings(records: Self.opportunityStatuses.map { status in
            opportunities.count { $0.status == status && $0.searchable.contains { $0.hasPrefix(wanted) } }
        })
    }

    /// The first word of a name in the middle of the opportunities, for a prefix search.
    var opportunityNameWord: String {
        let names = opportunities.compactMap(\.name)
        let word = names.isEmpty ? "" : String(names[names.count / 2].prefix { $0.isLetter }.prefix(6))
        return word.isEmpty ? "A" : word
    }

    func distinctClientes(of opportunities: [Opportunity]) -> Int {
        Set(opportunities.compactMap(\.clienteID)).count
    }

    /// A key that matches nothing still costs its lookup, so every distinct non-null key counts.
    var distinctTarefaClientes: Int { Set(tarefaClienteIDs.compactMap { $0 }).count }

    /// Contatos whose creation day falls in `days` (the API's filter is whole days).
    func contatosCreated(in days: Range<Int>) -> Int {
        contatoCreatedDays.count { day in day.map(days.contains) ?? false }
    }

    /// A run of creation days holding roughly the middle half of the contatos, for a date-range
    /// query: several pages, so the window has pages to overlap (a listing shorter than the
    /// window takes one round trip, which the wall-time target's formula puts below reach).
    var middleCreationDays: Range<Int> {
        let days = contatoCreatedDays.compactMap { $0 }.sorted()
        guard let first = days.first, let last = days.last else { return 0..<1 }
        let lower = days[days.count / 4]
        let upper = days[days.count * 3 / 4]
        return upper > lower ? lower..<upper : first..<(last + 1)
    }
}
