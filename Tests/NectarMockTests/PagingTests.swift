import NectarMock
import Testing

@Suite("Paging over real HTTP")
struct PagingTests {
    @Test("tarefas has an exact multiple of 50 records: the last full page is followed by an empty one")
    func pagingEndsOnAFullPage() async throws {
        let expected = sharedDataset.ids(.tarefas)
        #expect(expected.count == 300)
        #expect(MockDataset.recordCount(.tarefas) == 300)
        try await MockHarness.run { (api: MockHarness) async throws in
            #expect(try await api.get("tarefas/?page=6&displayLength=50").ids().count == 50)
            #expect(try await api.get("tarefas/?page=7&displayLength=50").ids() == [])
            #expect(try await api.scanAll("tarefas") == expected)
        }
    }

    @Test("A scan of every page returns every record once, in id order, ending on a short page")
    func pagingCoversEveryRecord() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            for endpoint in [MockEndpoint.compromissos, .qualificacoes, .produto, .pipeline, .proposta, .contatos] {
                #expect(try await api.scanAll(endpoint.rawValue) == sharedDataset.ids(endpoint), "\(endpoint)")
            }
        }
    }

    @Test("displayLength is capped at 50, defaults to 20 when omitted, and page=-1 lists 200")
    func pageSizes() async throws {
        let all = sharedDataset.ids(.contatos)
        try await MockHarness.run { (api: MockHarness) async throws in
            #expect(try await api.get("contatos/?page=1&displayLength=200").ids() == Array(all.prefix(50)))
            #expect(try await api.get("contatos/?page=2&displayLength=200").ids() == Array(all[50..<100]))
            #expect(try await api.get("contatos/").ids() == Array(all.prefix(20)))
            #expect(try await api.get("contatos").ids() == Array(all.prefix(20)), "without the trailing slash")
            #expect(try await api.get("contatos/?page=2&displayLength=7").ids() == Array(all[7..<14]))
            #expect(try await api.get("contatos/?page=-1").ids() == Array(all.prefix(200)))
            #expect(try await api.get("contatos/?page=999&displayLength=50").ids() == [])
        }
    }

    @Test("A malformed paging value is answered with 401, as the docs warn")
    func malformedPaging() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            #expect(try await api.get("contatos/?page=abc").status == 401)
            #expect(try await api.get("contatos/?displayLength=0").status == 401)
            #expect(try await api.get("contatos/?page=0").status == 401)
        }
    }
}
