import NectarMock
import Testing
@testable import NectarSource

/// Scans against the fake API with no faults: every record once, in order, with the fewest requests.
@Suite(.timeLimit(.minutes(5))) struct PagingIntegrationTests {
    // At scale 0.25: 150 contatos (a multiple of 50), 70 compromissos, 75 tarefas, 10 produtos.
    @Test(arguments: [MockEndpoint.contatos, .compromissos, .tarefas, .produto])
    func oneAtATimeReadsEveryRecordWithExactlyThePagesNeeded(_ endpoint: MockEndpoint) async throws {
        let expected = datasetIDs(endpoint)
        try await withMockAPI(configure: { $0.concurrency = 1 }) { server, client in
            let ids = try await scanIDs(client, endpoint.rawValue + "/")
            #expect(ids == expected)
            let needed = pagesNeeded(expected.count)
            #expect(client.statistics().requests == needed)
            #expect(server.statistics().requests == needed)
            let lines = server.statistics().requestLines
            #expect(lines == (1...needed).map { "GET /crm/api/1/\(endpoint.rawValue)/?page=\($0)&displayLength=50" })
        }
    }

    @Test func aTableThatIsAMultipleOfFiftyEndsOnTheEmptyPage() async throws {
        let expected = datasetIDs(.contatos)
        #expect(expected.count % 50 == 0 && !expected.isEmpty, "the fixture must fill its last page exactly")
        try await withMockAPI(configure: { $0.concurrency = 1 }) { server, client in
            let ids = try await scanIDs(client, "contatos/")
            #expect(ids == expected)
            #expect(server.statistics().requestLines.last == "GET /crm/api/1/contatos/?page=\(expected.count / 50 + 1)&displayLength=50")
        }
    }

    @Test(arguments: [2, 4, 8])
    func aWindowOfPagesDeliversInOrderAndStopsSoonAfterTheEnd(concurrency: Int) async throws {
        let expected = datasetIDs(.tarefas, scale: 1)
        try await withMockAPI(scale: 1, configure: { $0.concurrency = concurrency }) { server, client in
            let ids = try await scanIDs(client, "tarefas/")
            #expect(ids == expected)
            let needed = pagesNeeded(expected.count)
            let requests = client.statistics().requests
            #expect(requests >= needed && requests <= needed + concurrency - 1)
            // A speculative request cancelled on the client may never have reached the server.
            #expect(server.statistics().requests >= needed && server.statistics().requests <= requests)
        }
    }

    @Test func filtersAndProjectionsTravelAfterThePaging() async throws {
        let expected = MockDataset(seed: 7, scale: 0.25).records(.oportunidades)
            .filter { $0["status"]?.intValue == 2 }.compactMap { $0["id"]?.intValue }.sorted()
        try await withMockAPI(configure: { $0.concurrency = 1 }) { server, client in
            let parameters = [QueryParameter("status", "2"), .init("attribute", "id"), .init("attribute", "nome")]
            let ids = try await scanIDs(client, "oportunidades/", parameters: parameters)
            #expect(ids == expected)
            #expect(server.statistics().requestLines.first
                == "GET /crm/api/1/oportunidades/?page=1&displayLength=50&status=2&attribute=id&attribute=nome")
        }
    }

    @Test func aSmallerPageSizeIsSentAndEndsTheListingCorrectly() async throws {
        let expected = datasetIDs(.compromissos)
        try await withMockAPI(configure: { $0.pageSize = 20; $0.concurrency = 3 }) { server, client in
            let ids = try await scanIDs(client, "compromissos/")
            #expect(ids == expected)
            #expect(server.statistics().requestLines.allSatisfy { $0.contains("displayLength=20") })
        }
    }

    @Test func lookupsReturnTheRecordOrNilOn404() async throws {
        let first = try #require(datasetIDs(.contatos).first)
        try await withMockAPI { _, client in
            let found = try await client.fetch(path: "contatos/\(first)", decoder: TestDecoder("contatos", decodeIDs))
            let missing = try await client.fetch(path: "contatos/999999999", decoder: TestDecoder("contatos", decodeIDs))
            #expect(found == [first])
            #expect(missing == nil)
            #expect(client.statistics().requests == 2, "a 404 is an answer, not a failure to retry")
        }
    }

    @Test func anUnknownListingIsAnErrorNotAnEmptyTable() async throws {
        try await withMockAPI { _, client in
            let error = await #expect(throws: APIError.self) { try await scanIDs(client, "naoexiste/") }
            #expect(error?.kind == .notFound)
            #expect(error?.endpoint == "naoexiste/?page=1&displayLength=50")
        }
    }
}
