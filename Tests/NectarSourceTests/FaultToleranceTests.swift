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

    @Test func aBodyTheDecoderRejectsIsRetried() async throws {
        let calls = Locked(0)
        try await withMockAPI(configure: { $0.concurrency = 1 }) { _, client in
            let flaky: @Sendable ([UInt8]) throws -> DecodedPage<[Int]> = { bytes in
                let call = calls.withLock { $0 += 1; return $0 }
                if call == 1 { throw DecodingFailure() }
                return try decodeIDs(bytes)
            }
            var ids: [Int] = []
            for try await page in client.scan(PageRequest(path: "tarefas/"), decoder: TestDecoder("t", flaky)) { ids += page }
            #expect(ids == datasetIDs(.tarefas))
            #expect(client.statistics().failures == [.undecodableBody: 1])
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
