import NectarMock
import Testing

/// Each documented filter, compared with the same selection computed over `dataset.records(...)`.
@Suite("Listing filters over real HTTP")
struct FilterTests {
    let data = sharedDataset

    @Test("oportunidades without status answers status 1 only; with status, that status")
    func statusDefault() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            let inProgress = data.ids(.oportunidades) { $0["status"]?.intValue == 1 }
            #expect(inProgress.count < data.records(.oportunidades).count)
            #expect(try await api.scanAll("oportunidades") == inProgress)
            var union: [Int] = []
            for status in 1...5 {
                let expected = data.ids(.oportunidades) { $0["status"]?.intValue == status }
                #expect(!expected.isEmpty)
                let scanned = try await api.scanAll("oportunidades", query: "&status=\(status)")
                #expect(scanned == expected, "status \(status)")
                union += scanned
            }
            #expect(union.sorted() == data.ids(.oportunidades))
        }
    }

    @Test("status on qualificacoes and proposta, type on pipeline; no default status there")
    func statusAndType() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            #expect(try await api.scanAll("qualificacoes") == data.ids(.qualificacoes))
            #expect(try await api.scanAll("qualificacoes", query: "&status=6") == data.ids(.qualificacoes) { $0["status"]?.intValue == 6 })
            #expect(try await api.scanAll("proposta", query: "&status=0") == data.ids(.proposta) { $0["status"]?.intValue == 0 })
            for type in 0...1 {
                let expected = data.ids(.pipeline) { $0["tipo"]?.intValue == type }
                #expect(!expected.isEmpty)
                #expect(try await api.scanAll("pipeline", query: "&type=\(type)") == expected)
            }
        }
    }

    @Test("nome is a case-insensitive prefix of the name or code; exato=true makes it exact")
    func namePrefix() async throws {
        let someone = try #require(data.records(.contatos).first { ($0["nome"]?.stringValue?.count ?? 0) > 6 })
        let name = try #require(someone["nome"]?.stringValue)
        let prefix = String(name.prefix(4))
        try await MockHarness.run { (api: MockHarness) async throws in
            let byPrefix = data.ids(.contatos) { $0["nome"]?.stringValue?.lowercased().hasPrefix(prefix.lowercased()) == true }
            #expect(byPrefix.count > 1)
            #expect(try await api.scanAll("contatos", query: "&nome=\(Self.encoded(prefix.uppercased()))") == byPrefix)
            let exact = data.ids(.contatos) { $0["nome"]?.stringValue?.lowercased() == name.lowercased() }
            #expect(try await api.scanAll("contatos", query: "&nome=\(Self.encoded(name))&exato=true") == exact)
            // Opportunities match by code too.
            let deal = try #require(data.records(.oportunidades).first { $0["status"]?.intValue == 2 })
            let code = try #require(deal["codigo"]?.stringValue)
            let byCode = try await api.scanAll("oportunidades", query: "&status=2&nome=\(Self.encoded(code))")
            #expect(byCode.contains(try #require(deal["id"]?.intValue)))
            #expect(byCode == data.ids(.oportunidades) { record in
                record["status"]?.intValue == 2
                    && [record["nome"], record["codigo"]].contains { $0??.stringValue?.lowercased().hasPrefix(code.lowercased()) == true }
            })
        }
    }

    @Test("id filters: clienteId, pipelineId, usuariosId and responsaveisId (comma lists), origemId, segmentoId, constante")
    func idFilters() async throws {
        let deals = data.records(.oportunidades).filter { $0["status"]?.intValue == 3 }
        let client = try #require(deals.first?[path: ["cliente", "id"]]?.intValue)
        let pipeline = try #require(deals.first?[path: ["funilVenda", "id"]]?.intValue)
        let owners = Set(deals.prefix(3).compactMap { $0[path: ["responsavel", "id"]]?.intValue })
        let ownerList = owners.map(String.init).joined(separator: ",")
        func deal(_ path: [String], in values: Set<Int>) -> [Int] {
            data.ids(.oportunidades) { $0["status"]?.intValue == 3 && values.contains($0[path: path]?.intValue ?? -1) }
        }
        func contact(_ path: [String], in values: Set<Int>) -> [Int] {
            data.ids(.contatos) { values.contains($0[path: path]?.intValue ?? -1) }
        }
        try await MockHarness.run { (api: MockHarness) async throws in
            #expect(try await api.scanAll("oportunidades", query: "&status=3&clienteId=\(client)") == deal(["cliente", "id"], in: [client]))
            #expect(try await api.scanAll("oportunidades", query: "&status=3&pipelineId=\(pipeline)") == deal(["funilVenda", "id"], in: [pipeline]))
            #expect(try await api.scanAll("oportunidades", query: "&status=3&usuariosId=\(ownerList)") == deal(["responsavel", "id"], in: owners))
            #expect(try await api.scanAll("contatos", query: "&responsaveisId=\(ownerList)") == contact(["responsavel", "id"], in: owners))
            #expect(try await api.scanAll("contatos", query: "&origemId=12") == contact(["origemObject", "id"], in: [12]))
            #expect(try await api.scanAll("contatos", query: "&segmentoId=22") == contact(["segmentoObject", "id"], in: [22]))
            #expect(try await api.scanAll("contatos", query: "&constante=5") == contact(["constante"], in: [5]))
            let qualificationClient = try #require(data.records(.qualificacoes).first?[path: ["cliente", "id"]]?.intValue)
            #expect(
                try await api.scanAll("qualificacoes", query: "&clienteId=\(qualificationClient)")
                    == data.ids(.qualificacoes) { $0[path: ["cliente", "id"]]?.intValue == qualificationClient })
        }
    }

    @Test("date pairs are whole days in UTC−03:00, inclusive at both ends, either bound optional")
    func dateFilters() async throws {
        let from = MockTimestamp.day(fromFilter: "01/03/2024")!
        let to = MockTimestamp.day(fromFilter: "15/04/2024")!
        func within(_ key: String, _ lower: Int?, _ upper: Int?) -> (MockJSON) -> Bool {
            { record in
                guard let day = brazilDay(record, key) else { return false }
                return day >= (lower ?? .min) && day <= (upper ?? .max)
            }
        }
        try await MockHarness.run { (api: MockHarness) async throws in
            let created = data.ids(.contatos, where: within("dataCriacao", from, to))
            #expect(!created.isEmpty)
            #expect(try await api.scanAll("contatos", query: "&dataInicio=01/03/2024&dataFim=15/04/2024") == created)
            #expect(
                try await api.scanAll("contatos", query: "&dataInicioAtualizacao=01/03/2024")
                    == data.ids(.contatos, where: within("dataAtualizacao", from, nil)))
            #expect(
                try await api.scanAll("qualificacoes", query: "&dataFimAtualizacao=15/04/2024")
                    == data.ids(.qualificacoes, where: within("dataAtualizacao", nil, to)))
            let limit = data.ids(.oportunidades) { $0["status"]?.intValue == 2 && within("dataLimite", from, to)($0) }
            #expect(!limit.isEmpty)
            #expect(try await api.scanAll("oportunidades", query: "&status=2&dataInicioLimite=01/03/2024&dataFimLimite=15/04/2024") == limit)
            // One day exactly: a record created that Brazilian day is in, one created the day before is out.
            let record = try #require(data.records(.contatos).first { brazilDay($0, "dataCriacao") != nil })
            let day = try #require(brazilDay(record, "dataCriacao"))
            let text = MockTimestamp.filterText(ofDay: day)
            let sameDay = try await api.scanAll("contatos", query: "&dataInicio=\(text)&dataFim=\(text)")
            #expect(sameDay.contains(try #require(record["id"]?.intValue)))
            #expect(sameDay == data.ids(.contatos, where: within("dataCriacao", day, day)))
        }
    }

    @Test("a malformed filter value is answered with 401")
    func malformedFilters() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            for query in ["status=abc", "dataInicio=2024-01-01", "dataFim=31/02/2024", "clienteId=x", "usuariosId=1,,2"] {
                #expect(try await api.get("oportunidades/?\(query)").status == 401, "\(query)")
            }
            #expect(try await api.get("contatos/?responsaveisId=a").status == 401)
        }
    }

    static func encoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            let unreserved = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            output += unreserved ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded
        }
        return output
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
