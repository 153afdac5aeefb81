import NectarMock
import Testing
@testable import NectarSource

/// Repeated questions are answered from decoded pages, without requests or parsing.
@Suite(.timeLimit(.minutes(5))) struct CacheIntegrationTests {
    @Test func aRepeatedScanMakesNoRequestAndDecodesNothing() async throws {
        let expected = datasetIDs(.compromissos)
        let decodes = Locked(0)
        let counting: @Sendable ([UInt8]) throws -> DecodedPage<[Int]> = { bytes in
            decodes.withLock { $0 += 1 }
            return try decodeIDs(bytes)
        }
        try await withMockAPI { server, client in
            func scan() async throws -> [Int] {
                var ids: [Int] = []
                for try await page in client.scan(PageRequest(path: "compromissos/"), decoder: TestDecoder("compromissos", counting)) {
                    ids += page
                }
                return ids
            }
            let first = try await scan()
            let requestsAfterFirst = server.statistics().requests
            let decodesAfterFirst = decodes.withLock { $0 }
            let second = try await scan()
            #expect(first == expected)
            #expect(second == expected)
            #expect(server.statistics().requests == requestsAfterFirst)
            #expect(decodes.withLock { $0 } == decodesAfterFirst)
            #expect(client.statistics().cacheHits == pagesNeeded(expected.count))
        }
    }

    @Test func disablingAndClearingTheCacheSendRequestsAgain() async throws {
        try await withMockAPI(configure: { $0.concurrency = 1 }) { server, client in
            let needed = pagesNeeded(datasetIDs(.tarefas).count)
            _ = try await scanIDs(client, "tarefas/")
            client.setCacheEnabled(false)
            _ = try await scanIDs(client, "tarefas/")
            #expect(server.statistics().requests == 2 * needed)
            client.setCacheEnabled(true)
            _ = try await scanIDs(client, "tarefas/")
            #expect(server.statistics().requests == 2 * needed, "pages cached by the first scan are still there")
            client.clearCache()
            _ = try await scanIDs(client, "tarefas/")
            #expect(server.statistics().requests == 3 * needed)
        }
    }

    @Test func namespacesAndParametersKeepEntriesApart() async throws {
        try await withMockAPI(configure: { $0.concurrency = 1 }) { server, client in
            _ = try await scanIDs(client, "oportunidades/", parameters: [.init("status", "2")], namespace: "oportunidades")
            let afterFirst = server.statistics().requests
            _ = try await scanIDs(client, "oportunidades/", parameters: [.init("status", "3")], namespace: "oportunidades")
            let afterOtherFilter = server.statistics().requests
            _ = try await scanIDs(client, "oportunidades/", parameters: [.init("status", "2")], namespace: "oportunidades_produtos")
            #expect(afterOtherFilter > afterFirst)
            #expect(server.statistics().requests > afterOtherFilter)
        }
    }

    @Test func lookupsAndTheir404sAreCached() async throws {
        let first = try #require(datasetIDs(.contatos).first)
        try await withMockAPI { server, client in
            for _ in 0..<3 {
                let found = try await client.fetch(path: "contatos/\(first)", decoder: TestDecoder("contatos", decodeIDs))
                let missing = try await client.fetch(path: "contatos/999999999", decoder: TestDecoder("contatos", decodeIDs))
                #expect(found == [first])
                #expect(missing == nil)
            }
            #expect(server.statistics().requests == 2)
            #expect(client.statistics().cacheHits == 4)
        }
    }

    @Test func withoutATTLOrANamespaceNothingIsCached() async throws {
        try await withMockAPI(configure: { $0.cacheTTL = nil; $0.concurrency = 1 }) { server, client in
            _ = try await scanIDs(client, "produto/")
            _ = try await scanIDs(client, "produto/")
            #expect(server.statistics().requests == 2 * pagesNeeded(datasetIDs(.produto).count))
        }
        try await withMockAPI(configure: { $0.concurrency = 1 }) { server, client in
            _ = try await scanIDs(client, "produto/", namespace: "")
            _ = try await scanIDs(client, "produto/", namespace: "")
            #expect(server.statistics().requests == 2 * pagesNeeded(datasetIDs(.produto).count))
        }
    }
}
