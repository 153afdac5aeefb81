import NectarMock
import Testing
@testable import NectarSource

/// Stopping a scan stops its traffic: cancelling the consumer or dropping the stream cancels
/// the requests in flight instead of waiting for them.
@Suite(.timeLimit(.minutes(1))) struct CancellationTests {
    @Test func cancellingTheConsumerEndsAScanPromptly() async throws {
        let faults = FaultConfiguration(latency: .milliseconds(200), seed: 1)
        try await withMockAPI(scale: 1, faults: faults) { server, client in
            let firstPage = AsyncStream.makeStream(of: Void.self)
            let consumer = Task {
                var pages = 0
                for try await _ in client.scan(PageRequest(path: "contatos/"), cacheNamespace: "contatos", decode: decodeIDs) {
                    pages += 1
                    if pages == 1 { firstPage.continuation.yield() }
                }
                return pages
            }
            for await _ in firstPage.stream { break }
            let cancelledAt = ContinuousClock.now
            consumer.cancel()
            let outcome = await consumer.result
            let elapsed = ContinuousClock.now - cancelledAt
            // The one bounded wall-time check: without cancellation the rest of the scan takes seconds.
            #expect(elapsed < .milliseconds(500), "the scan took \(elapsed) to stop")
            if case .success(let pages) = outcome {
                #expect(pages < pagesNeeded(600), "the scan must not have run to the end")
            }
        }
    }

    @Test func droppingTheStreamStopsFurtherRequests() async throws {
        let faults = FaultConfiguration(latency: .milliseconds(20), seed: 1)
        try await withMockAPI(scale: 1, faults: faults, configure: { $0.concurrency = 3 }) { server, client in
            for try await _ in client.scan(PageRequest(path: "contatos/"), cacheNamespace: "contatos", decode: decodeIDs) {
                break
            }
            try await Task.sleep(for: .milliseconds(300))
            let settled = server.statistics().requests
            try await Task.sleep(for: .milliseconds(300))
            #expect(server.statistics().requests == settled)
            #expect(settled <= 3, "only the window that was in flight")
        }
    }
}
