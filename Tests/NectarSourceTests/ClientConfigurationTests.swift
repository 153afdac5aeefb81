import Testing
@testable import NectarSource

@Suite struct ClientConfigurationTests {
    @Test func defaultsFollowTheAPIContract() {
        let configuration = ClientConfiguration(baseURL: "https://app.nectarcrm.com.br/crm/api/1/", token: "t")
        #expect(configuration.pageSize == 50)
        #expect(configuration.concurrency == 4)
        #expect(configuration.maxAttempts == 6)
        #expect(configuration.maxRequestsPerSecond == nil)
    }

    @Test func refusesSettingsThatCannotWork() {
        func refused(_ change: (inout ClientConfiguration) -> Void) -> APIError? {
            var configuration = ClientConfiguration(baseURL: "https://app.nectarcrm.com.br/crm/api/1/", token: "CANARY-7f3a")
            change(&configuration)
            return #expect(throws: APIError.self) { _ = try NectarClient(configuration: configuration) }
        }
        for error in [refused { $0.token = "CANARY-7f3a\n" }, refused { $0.pageSize = 0 },
                      refused { $0.concurrency = 0 }, refused { $0.maxAttempts = 0 },
                      refused { $0.maxRequestsPerSecond = 0 }, refused { $0.baseURL = "http://example.com/" }] {
            #expect(error?.kind == .configuration)
            #expect(error.map { !String(describing: $0).contains("CANARY-7f3a") } == true)
        }
    }

    @Test func aClientWithoutATokenSendsNothingAndSaysWhy() async throws {
        try await withMockAPI(clientToken: "") { server, client in
            let error = await #expect(throws: APIError.self) { _ = try await scanIDs(client, "tarefas/") }
            #expect(error?.kind == .configuration)
            #expect(error?.message.contains("no API token") == true, "\(String(describing: error))")
            #expect(server.statistics().requests == 0)
        }
    }

    @Test func statisticsSinceGivesTheDifference() {
        var before = ClientStatistics()
        before.requests = 3
        before.failures[.serverError] = 1
        var after = before
        after.requests = 10
        after.cacheHits = 2
        after.failures[.serverError] = 4
        after.failures[.timeout] = 1
        let delta = after.since(before)
        #expect(delta.requests == 7)
        #expect(delta.cacheHits == 2)
        #expect(delta.failures == [.serverError: 3, .timeout: 1])
    }

    @Test func redactionMasksTheTokenEverywhere() {
        let error = APIError(
            kind: .network(host: "h", detail: "GET /x?api_token=SECRET failed"), endpoint: "x?api_token=SECRET",
            message: "SECRET leaked SECRET")
        let safe = error.redacting("SECRET")
        #expect(!String(describing: safe).contains("SECRET"))
        #expect(!safe.endpoint.contains("SECRET"))
        #expect(safe.kind == .network(host: "h", detail: "GET /x?api_token=*** failed"))
    }
}
