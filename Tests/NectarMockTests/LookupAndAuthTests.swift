import NectarMock
import Testing

@Suite("Authentication, lookups and projection over real HTTP")
struct LookupAndAuthTests {
    let data = sharedDataset

    @Test("401 without a token or with a wrong one; the api_token query form works but is counted")
    func authentication() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            #expect(try await api.get("contatos/", token: nil).status == 401)
            #expect(try await api.get("contatos/", token: "wrong").status == 401)
            #expect(try await api.get("contatos/1", token: nil).status == 401)
            let ok = try await api.get("contatos/")
            #expect(ok.status == 200)
            #expect(ok.headers.first(name: "Content-Type") == "application/json")
            #expect(api.server.statistics().tokenInURLRequests == 0)
            #expect(try await api.get("contatos/?api_token=\(MockServer.demoToken)", token: nil).status == 200)
            #expect(api.server.statistics().tokenInURLRequests == 1)
        }
    }

    @Test("GET /{endpoint}/{id} returns the record itself, 404 when unknown")
    func singleRecord() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            for endpoint in MockEndpoint.allCases {
                let record = try #require(data.records(endpoint).last)
                let id = try #require(record["id"]?.intValue)
                let response = try await api.get("\(endpoint.rawValue)/\(id)")
                #expect(response.status == 200)
                #expect(try response.json() == record, "\(endpoint)")
            }
            let missing = try await api.get("contatos/999999999")
            #expect(missing.status == 404)
            #expect(try missing.json()["status"]?.intValue == 404)
            #expect(try await api.get("contatos/abc").status == 404)
            #expect(try await api.get("naoexiste/").status == 404)
        }
    }

    @Test("contact lookups by e-mail, phone, CNPJ and CPF; 404 when nothing matches")
    func contactLookups() async throws {
        let contacts = data.records(.contatos)
        let withEmail = try #require(contacts.first { $0["emails"]?.elements?.first?.stringValue != nil })
        let email = try #require(withEmail["emails"]?.elements?.first?.stringValue)
        let company = try #require(contacts.first { $0["cnpj"]?.stringValue != nil })
        let person = try #require(contacts.first { $0["cpf"]?.stringValue != nil })
        let phone = try #require(company["telefones"]?.elements?.first?.stringValue)
        try await MockHarness.run { (api: MockHarness) async throws in
            let byEmail = try await api.get("contatos/email/\(email)").json()
            #expect(byEmail["emails"]?.elements?.contains(.string(email)) == true)
            let cnpj = try #require(company["cnpj"]?.stringValue)
            let digits = cnpj.filter(\.isNumber)
            #expect(try await api.get("contatos/cnpj/\(digits)").json()["cnpj"] == .string(cnpj))
            let cpf = try #require(person["cpf"]?.stringValue)
            #expect(try await api.get("contatos/cpf/\(cpf.filter(\.isNumber))").json()["cpf"] == .string(cpf))
            let byPhone = try await api.get("contatos/telefone/\(phone.filter(\.isNumber))").json()
            #expect(byPhone["telefones"]?.elements?.contains(.string(phone)) == true)
            #expect(try await api.get("contatos/email/ninguem@exemplo.invalid").status == 404)
            #expect(try await api.get("contatos/cnpj/00000000000000").status == 404)
        }
    }

    @Test("oportunidades/contatoId/{id} and proposta/opportunity/{id} return arrays")
    func listLookups() async throws {
        let client = try #require(data.records(.oportunidades).first?[path: ["cliente", "id"]]?.intValue)
        let deal = try #require(data.records(.proposta).first?[path: ["oportunidade", "id"]]?.intValue)
        try await MockHarness.run { (api: MockHarness) async throws in
            let deals = try await api.get("oportunidades/contatoId/\(client)").ids()
            #expect(!deals.isEmpty)
            #expect(deals == data.ids(.oportunidades) { $0[path: ["cliente", "id"]]?.intValue == client })
            let proposals = try await api.get("proposta/opportunity/\(deal)").ids()
            #expect(!proposals.isEmpty)
            #expect(proposals == data.ids(.proposta) { $0[path: ["oportunidade", "id"]]?.intValue == deal })
            #expect(try await api.get("proposta/opportunity/1").ids() == [])
        }
    }

    @Test("attribute= keeps only the named top-level keys, by exact name; nested objects come whole")
    func projection() async throws {
        let first = try #require(data.records(.oportunidades).first { $0["status"]?.intValue == 1 })
        try await MockHarness.run { (api: MockHarness) async throws in
            let page = try await api.get("oportunidades/?page=1&displayLength=5&attribute=id&attribute=nome&attribute=cliente").json()
            let record = try #require(page.elements?.first)
            #expect(record.members?.map(\.key) == ["id", "nome", "cliente"])
            #expect(record["cliente"] == first["cliente"])
            let wrongCase = try await api.get("oportunidades/?displayLength=1&attribute=ID&attribute=valorTotal").json()
            #expect(wrongCase.elements?.first?.members?.map(\.key) == ["valorTotal"])
        }
    }
}
