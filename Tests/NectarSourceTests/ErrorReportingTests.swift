import NectarMock
import Testing
@testable import NectarSource

/// Every way a request can fail produces an `APIError` a person can act on, and none of them,
/// nor the statistics, ever shows the token.
@Suite(.timeLimit(.minutes(5))) struct ErrorReportingTests {
    static let canary = "CANARY-TOKEN-5b1d9e"

    /// Runs `scan` of `path` and returns the error it must end with.
    func scanError(_ client: NectarClient, _ path: String = "contatos/") async -> APIError? {
        await #expect(throws: APIError.self) { _ = try await scanIDs(client, path) }
    }

    func expectNoCanary(_ error: APIError?, _ client: NectarClient? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        let texts = [String(describing: error), String(reflecting: error), error.endpoint, error.message,
                     String(describing: error.kind), client.map { String(describing: $0.statistics()) } ?? ""]
        for text in texts {
            #expect(!text.contains(Self.canary), "the token leaked: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func a401NamesTheRequestAndHowToGetANewToken() async throws {
        try await withMockAPI(serverToken: "another-token", clientToken: Self.canary) { server, client in
            let error = await scanError(client)
            #expect(error?.kind == .unauthorized)
            #expect(error?.status == 401)
            #expect(error?.message.contains("Configurações > Integrações > Gerar Token") == true)
            #expect(error?.message.contains("malformed parameter") == true)
            #expect(error?.message.contains("GET contatos/?page=1&displayLength=50") == true)
            #expect(server.statistics().requestLines.filter { $0.contains("page=1&") }.count == 1, "401 is not retried")
            expectNoCanary(error, client)
        }
    }

    @Test func a403SaysTheUserOrPlanCannotReadTheEndpoint() async throws {
        try await withScriptedAPI(token: Self.canary, configure: { $0.concurrency = 1 }, respond: { _ in .init(status: 403) }) { server, client in
            let error = await scanError(client, "proposta/")
            #expect(error?.kind == .forbidden)
            #expect(error?.message.contains("plan") == true)
            #expect(error?.message.contains("proposta/") == true)
            #expect(server.received.withLock { $0.count } == 1, "403 is not retried")
            expectNoCanary(error, client)
        }
    }

    @Test func a404ListingIsReported() async throws {
        try await withMockAPI(serverToken: Self.canary, clientToken: Self.canary) { _, client in
            let error = await scanError(client, "naoexiste/")
            #expect(error?.kind == .notFound)
            expectNoCanary(error, client)
        }
    }

    @Test func persistent5xxExhaustsTheAttemptsAndNamesTheLastStatus() async throws {
        let faults = FaultConfiguration(serverErrorRate: 1, seed: 5)
        try await withMockAPI(
            faults: faults, serverToken: Self.canary, clientToken: Self.canary, configure: { $0.maxAttempts = 3; $0.concurrency = 1 }
        ) { server, client in
            let error = await scanError(client)
            #expect(error?.kind == .retriesExhausted)
            #expect(error?.attempts == 3)
            #expect(error?.lastFailure == .serverError)
            #expect(error.flatMap(\.status).map { [500, 502, 503, 504].contains($0) } == true)
            #expect(error?.endpoint == "contatos/?page=1&displayLength=50")
            #expect(error?.message.contains("after 3 attempts over") == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("allow more attempts") == false, "there is no such option")
            #expect(error?.message.contains("--concurrency") == true)
            #expect(server.statistics().requests == 3)
            expectNoCanary(error, client)
        }
    }

    @Test func attemptsThatFailAlikeReadAsOneSentence() throws {
        let base = try BaseURL.parse("https://app.nectarcrm.com.br/crm/api/1/")
        let target = RequestTarget(base: base, path: "contatos/", parameters: [QueryParameter("page", "3")])
        let failure = ErrorMessages.Attempt(kind: .rateLimited, status: 429)
        let error = ErrorMessages.exhausted(target, failures: Array(repeating: failure, count: 4), elapsed: .milliseconds(31_200))
        #expect(error.message.contains("after 4 attempts over 31 s: the server answered 429 Too Many Requests each time."), "\(error.message)")
        let mixed = ErrorMessages.exhausted(
            target, failures: [failure, failure, ErrorMessages.Attempt(kind: .serverError, status: 503)], elapsed: .seconds(5))
        #expect(mixed.message.contains(
            "the server answered 429 Too Many Requests 2 times, the server answered 503 Service Unavailable once."), "\(mixed.message)")
    }

    @Test func truncatedBodiesExhaustTheAttempts() async throws {
        let faults = FaultConfiguration(truncateRate: 1, seed: 5)
        try await withMockAPI(
            faults: faults, serverToken: Self.canary, clientToken: Self.canary, configure: { $0.maxAttempts = 2; $0.concurrency = 1 }
        ) { _, client in
            let error = await scanError(client)
            #expect(error?.kind == .retriesExhausted)
            #expect(error?.lastFailure == .truncatedBody)
            expectNoCanary(error, client)
        }
    }

    @Test func slowAnswersTimeOut() async throws {
        let faults = FaultConfiguration(latency: .seconds(3), seed: 5)
        try await withMockAPI(
            faults: faults, serverToken: Self.canary, clientToken: Self.canary,
            configure: { $0.maxAttempts = 2; $0.concurrency = 1; $0.requestTimeout = .milliseconds(200) }
        ) { _, client in
            let error = await scanError(client)
            #expect(error?.kind == .retriesExhausted)
            #expect(error?.lastFailure == .timeout)
            expectNoCanary(error, client)
        }
    }

    @Test func aLongRetryAfterIsCappedByTheRetryBudget() async throws {
        let faults = FaultConfiguration(throttleRate: 1, retryAfterSeconds: 60, seed: 5)
        try await withMockAPI(
            faults: faults, serverToken: Self.canary, clientToken: Self.canary,
            configure: { $0.concurrency = 1; $0.retryBudget = .seconds(1) }
        ) { server, client in
            let started = ContinuousClock.now
            let error = await scanError(client)
            #expect(error?.kind == .retriesExhausted)
            #expect(error?.lastFailure == .rateLimited)
            #expect(error?.status == 429)
            // One wait of at most the remaining budget, then at most one more try (a loaded machine
            // may spend the whole budget on the first try); never the 60 s the server asked for.
            #expect((1...2).contains(server.statistics().requests))
            #expect(error?.message.contains(": the server answered 429 Too Many Requests") == true, "\(error?.message ?? "")")
            #expect(ContinuousClock.now - started < .seconds(30))
            expectNoCanary(error, client)
        }
    }

    @Test func aRefusedConnectionIsSaidPlainlyWithTheHost() async throws {
        // A port that was just listening and is now closed.
        let server = MockServer(dataset: MockDataset(seed: 1, scale: 0.01), maxLifetime: .seconds(30))
        let port = try await server.start(port: 0)
        await server.stop()
        var configuration = ClientConfiguration(baseURL: "http://127.0.0.1:\(port)/crm/api/1/", token: Self.canary)
        configuration.retryBudget = .seconds(2)
        let client = try NectarClient(configuration: configuration)
        let error = await scanError(client)
        await client.shutdown()
        #expect(error.map { if case .network(host: "127.0.0.1", detail: _) = $0.kind { true } else { false } } == true)
        #expect(error?.message.contains("cannot reach 127.0.0.1") == true)
        let message = error?.message ?? ""
        #expect(message.contains(": the connection was refused. Check"), "\(message)")
        #expect(!message.contains(".build/") && !message.contains(".swift"), "no build paths: \(message)")
        #expect(!message.contains("(("), "\(message)")
        #expect(message.filter { $0 == "(" }.count == message.filter { $0 == ")" }.count, "balanced: \(message)")
        expectNoCanary(error, client)
    }

    @Test func aBadBaseURLIsRefusedWithoutEchoingTheToken() {
        for url in ["http://app.nectarcrm.com.br/crm/api/1/", "https://x/?api_token=\(Self.canary)", "::::", ""] {
            let error = #expect(throws: APIError.self) {
                _ = try NectarClient(configuration: .init(baseURL: url, token: Self.canary))
            }
            #expect(error?.kind == .configuration)
            expectNoCanary(error)
        }
    }
}
