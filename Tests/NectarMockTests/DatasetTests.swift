import NectarMock
import Testing

@Suite("Generated data")
struct DatasetTests {
    let data = sharedDataset

    @Test("counts at scale 1, and scale multiplies them")
    func counts() {
        let expected: [MockEndpoint: Int] = [
            .contatos: 600, .oportunidades: 1500, .qualificacoes: 320, .compromissos: 280,
            .tarefas: 300, .pipeline: 5, .produto: 40, .proposta: 360,
        ]
        for (endpoint, count) in expected {
            #expect(data.records(endpoint).count == count, "\(endpoint)")
            #expect(MockDataset.recordCount(endpoint, scale: 20) == count * 20)
        }
        let small = MockDataset(seed: 1, scale: 0.1)
        #expect(small.records(.contatos).count == 60)
        #expect(small.records(.pipeline).count >= 2)
    }

    @Test("the same seed gives the same bytes; another seed gives other data")
    func determinism() {
        let again = MockDataset(seed: 1, scale: 1)
        let other = MockDataset(seed: 2, scale: 1)
        for endpoint in MockEndpoint.allCases {
            #expect(again.records(endpoint).map { $0.encoded() } == data.records(endpoint).map { $0.encoded() }, "\(endpoint)")
        }
        #expect(other.records(.contatos).map { $0.encoded() } != data.records(.contatos).map { $0.encoded() })
    }

    @Test("ids are unique and increasing; references point at real records")
    func referentialIntegrity() throws {
        func ids(_ endpoint: MockEndpoint) -> Set<Int> { Set(data.records(endpoint).compactMap { $0["id"]?.intValue }) }
        for endpoint in MockEndpoint.allCases {
            let list = data.records(endpoint).compactMap { $0["id"]?.intValue }
            #expect(list.count == data.records(endpoint).count)
            #expect(list == list.sorted() && Set(list).count == list.count, "\(endpoint)")
        }
        let contacts = ids(.contatos), pipelines = ids(.pipeline), products = ids(.produto), deals = ids(.oportunidades)
        for endpoint in [MockEndpoint.oportunidades, .qualificacoes, .compromissos, .tarefas] {
            let clients = data.records(endpoint).compactMap { $0[path: ["cliente", "id"]]?.intValue }
            #expect(!clients.isEmpty && clients.allSatisfy(contacts.contains), "\(endpoint).cliente.id")
        }
        for endpoint in [MockEndpoint.oportunidades, .qualificacoes] {
            let funnels = data.records(endpoint).compactMap { $0[path: ["funilVenda", "id"]]?.intValue }
            #expect(!funnels.isEmpty && funnels.allSatisfy(pipelines.contains), "\(endpoint).funilVenda.id")
        }
        let items = data.records(.oportunidades).flatMap { $0["produtos"]?.elements ?? [] }
        #expect(!items.isEmpty && items.allSatisfy { products.contains($0[path: ["produto", "id"]]?.intValue ?? -1) })
        let dependents = data.records(.produto).flatMap { $0["produtos"]?.elements ?? [] }
        #expect(!dependents.isEmpty && dependents.allSatisfy { products.contains($0["id"]?.intValue ?? -1) })
        let proposals = data.records(.proposta).compactMap { $0[path: ["oportunidade", "id"]]?.intValue }
        #expect(proposals.count == data.records(.proposta).count && proposals.allSatisfy(deals.contains))
        let statuses = Set(data.records(.oportunidades).compactMap { $0["status"]?.intValue })
        #expect(statuses == [1, 2, 3, 4, 5])
    }

    @Test("timestamps come in all three documented forms and parse back")
    func timestampForms() {
        let values = data.records(.contatos).compactMap { $0["dataCriacao"] }
        #expect(values.contains { $0.stringValue?.hasSuffix("-03:00") == true })
        #expect(values.contains { $0.stringValue?.hasSuffix("Z") == true && $0.stringValue?.contains(".") == true })
        #expect(values.contains { if case .number = $0 { return true } else { return false } })
        #expect(values.allSatisfy { MockTimestamp.epochSeconds(of: $0) != nil })
    }

    @Test("a few records carry hostile text, untidy shapes and numbers as strings")
    func hostility() {
        var strings: [String] = []
        func collect(_ value: MockJSON) {
            switch value {
            case .string(let text): strings.append(text)
            case .array(let elements): elements.forEach(collect)
            case .object(let members): members.forEach { collect($0.value) }
            default: break
            }
        }
        MockEndpoint.allCases.forEach { data.records($0).forEach(collect) }
        #expect(strings.contains { $0.contains("\n") })
        #expect(strings.contains { $0.contains("\"") && $0.contains(",") })
        #expect(strings.contains { $0.contains(";") })
        for lead in ["=", "+", "-", "@"] { #expect(strings.contains { $0.hasPrefix(lead) }, "leading \(lead)") }
        #expect(strings.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        #expect(strings.contains { $0.count >= 10_000 })
        for seed in 2...4 as ClosedRange<UInt64> {
            let long = MockDataset(seed: seed, scale: 0.1).records(.contatos)[3]["observacao"]?.stringValue?.count ?? 0
            #expect(long >= 10_000, "seed \(seed) keeps its long text")
        }
        #expect(strings.contains(""))
        #expect(strings.contains { $0.contains("ç") || $0.contains("ã") })

        let contacts = data.records(.contatos)
        let keyCount = contacts.map { $0.members?.count ?? 0 }.max() ?? 0
        #expect(contacts.contains { ($0.members?.count ?? 0) < keyCount }, "some record misses a key")
        #expect(MockEndpoint.allCases.contains { endpoint in
            data.records(endpoint).contains { $0.members?.contains { $0.value == .object([]) } == true }
        }, "some nested object is {}")
        #expect(data.records(.oportunidades).contains { $0["valorTotal"]?.stringValue != nil }, "a number sent as a string")
    }

    @Test("JSON round-trips through the encoder and the parser")
    func jsonRoundTrip() throws {
        for endpoint in MockEndpoint.allCases {
            for record in data.records(endpoint).prefix(50) {
                #expect(try MockJSON.parse(record.encoded()) == record)
            }
        }
        #expect(MockJSON.int(42).encoded() == Array("42".utf8))
        #expect(MockJSON.string("a\"b\n\u{1}").encoded() == Array(#""a\"b\n\u0001""#.utf8))
    }

    @Test("filter dates and timestamps convert in Brazilian time")
    func calendar() {
        let day = MockTimestamp.day(fromFilter: "29/02/2024")
        #expect(day != nil)
        #expect(MockTimestamp.filterText(ofDay: day!) == "29/02/2024")
        #expect(MockTimestamp.day(fromFilter: "30/02/2024") == nil)
        #expect(MockTimestamp.day(fromFilter: "2024-02-29") == nil)
        // 01:30 UTC on 1 March is still 29 February in Brazil.
        let lateEvening = MockTimestamp.epochSeconds(of: "2024-03-01T01:30:00.000Z")!
        #expect(MockTimestamp.brazilDay(ofEpochSeconds: lateEvening) == day)
        #expect(MockTimestamp.epochSeconds(of: "2024-02-29T22:30:00-03:00") == lateEvening)
        #expect(MockTimestamp.epochSeconds(of: .number(Double(lateEvening) * 1000)) == lateEvening)
    }
}
