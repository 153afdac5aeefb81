/// Generates every endpoint's records from a seed and a scale. Records reference each other
/// (clients, pipelines, products, opportunities), so endpoints are built in dependency order.
struct DatasetBuilder {
    /// Record counts at scale 1. `tarefas` (300) and `contatos` (600) are exact multiples of 50,
    /// so paging-end tests see a full last page followed by an empty one.
    static let baseCounts: [MockEndpoint: Int] = [
        .contatos: 600, .oportunidades: 1500, .qualificacoes: 320, .compromissos: 280,
        .tarefas: 300, .pipeline: 5, .produto: 40, .proposta: 360,
    ]
    /// "Now" for the fake account unless the caller names another: fixed, so tests are repeatable.
    static let defaultNow = MockTimestamp.epochSeconds(year: 2026, month: 6, day: 30, hour: 18)
    /// How far back the account's history goes from its "now" (to 2022-01-03 11:00 by default).
    static let history = defaultNow - MockTimestamp.epochSeconds(year: 2022, month: 1, day: 3, hour: 11)

    /// The last instant the data mentions, but for upcoming meetings.
    let now: Int
    let firstDay: Int

    var rng: SeededGenerator
    let scale: Double
    let reference: ReferenceData
    var records: [MockEndpoint: [MockJSON]] = [:]

    // What later endpoints refer to.
    var contacts: [ContactFacts] = []
    var pipelines: [PipelineFacts] = []
    var products: [ProductFacts] = []
    var opportunities: [OpportunityFacts] = []

    init(seed: UInt64, scale: Double, now: Int = defaultNow) {
        var root = SeededGenerator(seed: seed)
        reference = ReferenceData(&root)
        rng = root
        self.scale = scale
        self.now = now
        firstDay = now - Self.history
    }

    static func count(_ endpoint: MockEndpoint, scale: Double) -> Int {
        let minimum = endpoint == .pipeline || endpoint == .produto ? 2 : 1
        return max(minimum, Int((Double(baseCounts[endpoint]!) * scale).rounded()))
    }

    mutating func build() -> [MockEndpoint: [MockJSON]] {
        let order: [MockEndpoint] = [.produto, .pipeline, .contatos, .oportunidades, .qualificacoes, .compromissos, .tarefas, .proposta]
        for (salt, endpoint) in order.enumerated() {
            var local = rng.fork(UInt64(salt + 1))
            swap(&local, &rng)
            let generated = generate(endpoint, count: Self.count(endpoint, scale: scale))
            swap(&local, &rng)
            var roughening = rng.fork(UInt64(100 + salt))
            records[endpoint] = generated.map { RecordRoughener.roughen($0, &roughening) }
        }
        // One ~10,000-character text, placed after roughening so no seed can lose it.
        if var contatos = records[.contatos], contatos.count > 3 {
            contatos[3] = contatos[3].setting("observacao", to: .string(HostileText.longText))
            records[.contatos] = contatos
        }
        var customValues = CustomFieldValues(rng: rng.fork(300))
        customValues.fill(&records)
        return records
    }

    private mutating func generate(_ endpoint: MockEndpoint, count: Int) -> [MockJSON] {
        switch endpoint {
        case .produto: return makeProducts(count)
        case .pipeline: return makePipelines(count)
        case .contatos: return makeContacts(count)
        case .oportunidades: return makeOpportunities(count)
        case .qualificacoes: return makeQualifications(count)
        case .compromissos: return makeMeetings(count)
        case .tarefas: return makeTasks(count)
        case .proposta: return makeProposals(count)
        }
    }

    // MARK: - Shared helpers

    /// Increasing ids with gaps, as a live account has after deletions.
    mutating func ids(_ count: Int, from first: Int) -> [Int] {
        var next = first
        return (0..<count).map { _ in
            defer { next += rng.int(1...3) }
            return next
        }
    }

    /// An instant in `start..<end`: by default, anywhere in the account's history.
    mutating func instant(after start: Int? = nil, before end: Int? = nil) -> Int {
        let start = start ?? firstDay, end = end ?? now
        guard end > start else { return start }
        return start + Int(rng.next() % UInt64(end - start))
    }

    /// Mostly ISO 8601 with `-03:00`, some UTC with milliseconds, a few epoch milliseconds.
    mutating func timestamp(_ seconds: Int) -> MockJSON {
        let draw = rng.unit()
        let style: MockTimestamp.Style = draw < 0.85 ? .isoWithOffset : draw < 0.95 ? .utcMilliseconds : .epochMilliseconds
        return MockTimestamp.json(seconds, style: style)
    }

    mutating func user() -> MockJSON { rng.pick(reference.users).json }

    mutating func text(_ value: String) -> MockJSON { .string(HostileText.roughen(value, &rng)) }

    /// A number, occasionally sent as a string ("1234.5") as the real API sometimes does.
    mutating func amount(_ value: Double) -> MockJSON {
        rng.chance(0.03) ? .string(MockJSON.format(value)) : .number(value)
    }

    mutating func personName() -> String {
        rng.pick(BrazilianVocabulary.firstNames) + " " + rng.pick(BrazilianVocabulary.surnames) + " " + rng.pick(BrazilianVocabulary.surnames)
    }

    mutating func companyName() -> String {
        rng.pick(BrazilianVocabulary.companyStems) + " " + rng.pick(BrazilianVocabulary.companyTails)
    }
}
