import NectarMock
import Testing
@testable import NectarSource

/// Every transient fault the fake API injects is retried without losing or repeating a record,
/// and every request is accounted for: the pages needed plus one retry per injected fault.
@Suite(.timeLimit(.minutes(5))) struct FaultToleranceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let faults: FaultConfiguration
        let failure: FailureKind
        let fault: MockFaultKind
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "429 with Retry-After", faults: .init(throttleRate: 0.3, retryAfterSeconds: 0, seed: 11),
             failure: .rateLimited, fault: .throttle),
        Case(name: "5xx", faults: .init(serverErrorRate: 0.3, seed: 12), failure: .serverError, fault: .serverError),
        Case(name: "dropped connections", faults: .init(dropRate: 0.3, seed: 13), failure: .droppedConnection, fault: .drop),
        Case(name: "truncated bodies", faults: .init(truncateRate: 0.3, seed: 14), failure: .truncatedBody, fault: .truncate),
    ]

    @Test(arguments: cases)
    func retriesEachFaultUntilEveryRecordArrivesOnce(_ scenario: Case) async throws {
        let expected = datasetIDs(.contatos)
        try await withMockAPI(faults: scenario.faults, configure: { $0.concurrency = 1; $0.maxAttempts = 20 }) { server, client in
            let ids = try await scanIDs(client, "contatos/")
            #expect(ids == expected)
            let injected = server.statistics().faultCount(scenario.fault)
            let statistics = client.statistics()
            #expect(injected > 0, "the seed must inject at least one fault")
            #expect(statistics.requests == pagesNeeded(expected.count) + injected)
            #expect(server.statistics().requests == statistics.requests)
            #expect(statistics.retries == injected)
            #expect(statistics.failures == [scenario.failure: injected])
        }
    }

    @Test func aClientRateLimitKeepsUnderTheServersLimit() async throws {
        let expected = datasetIDs(.tarefas, scale: 1)
        let faults = FaultConfiguration(maxRequestsPerSecond: 20, seed: 3)
        try await withMockAPI(scale: 1, faults: faults, configure: { $0.maxRequestsPerSecond = 15; $0.concurrency = 4 }) { server, client in
            let ids = try await scanIDs(client, "tarefas/")
            #expect(ids == expected)
            #expect(server.statistics().faultCount(.rateLimit) == 0)
        }
    }

    @Test func withoutAClientLimitTheServersLimitIsRetriedThrough() async throws {
        let expected = datasetIDs(.tarefas, scale: 1)
        let faults = FaultConfiguration(retryAfterSeconds: 0, maxRequestsPerSecond: 3, seed: 3)
        try await withMockAPI(scale: 1, faults: faults, configure: { $0.concurrency = 4; $0.maxAttempts = 30 }) { server, client in
            let ids = try await scanIDs(client, "tarefas/")
            #expect(ids == expected)
            let limited = server.statistics().faultCount(.rateLimit)
            #expect(limited > 0)
            // A 429 that reached a speculative page after the end was found is never read.
            #expect((1...limited).contains(client.statistics().failures[.rateLimited] ?? 0))
        }
    }

    @Test func faultsChangeTheTrafficButNeverTheResult() async throws {
        let paths = ["contatos/", "compromissos/", "tarefas/", "qualificacoes/", "oportunidades/"]
        let clean = try await withMockAPI { _, client in
            try await paths.asyncMap { try await scanIDs(client, $0) }
        }
        let faults = FaultConfiguration(
            throttleRate: 0.1, retryAfterSeconds: 0, serverErrorRate: 0.1, dropRate: 0.1, truncateRate: 0.1, seed: 99)
        let faulty = try await withMockAPI(faults: faults, configure: { $0.maxAttempts = 30 }) { server, client in
            let result = try await paths.asyncMap { try await scanIDs(client, $0) }
            #expect(server.statistics().faults.values.reduce(0, +) > 0)
            return result
        }
        #expect(faulty == clean)
        #expect(clean.allSatisfy { !$0.isEmpty })
    }

    @Test func aBodyCutShortIsAskedForAgain() async throws {
        let looks = Locked(0)
        try await withMockAPI(configure: { $0.concurrency = 1 }) { _, client in
            // The first body looks cut short, as one whose connection closed mid-JSON would.
            let decoder = TestDecoder("t", decodeIDs, isWhole: { _ in looks.withLock { $0 += 1; return $0 } > 1 })
            var ids: [Int] = []
            for try await page in client.scan(PageRequest(path: "tarefas/"), decoder: decoder) { ids += page }
            #expect(ids == datasetIDs(.tarefas))
            #expect(client.statistics().failures == [.truncatedBody: 1])
            #expect(client.statistics().retries == 1)
        }
    }

    @Test func aWholeBodyThatDoesNotDecodeFailsAtOnceSayingSo() async throws {
        try await withMockAPI { server, client in
            let rejecting: @Sendable ([UInt8]) throws -> DecodedPage<[Int]> = { _ in throw DecodingFailure() }
            let error = await #expect(throws: APIError.self) {
                for try await _ in client.scan(PageRequest(path: "tarefas/"), decoder: TestDecoder("t", rejecting)) {}
            }
            #expect(error?.lastFailure == .undecodableBody)
            #expect(error?.description.contains("do not read as its records") == true, "\(String(describing: error))")
            #expect(server.statistics().requests == 1, "a decoding failure is not a network failure: no retry")
            #expect(client.statistics().retries == 0)
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
