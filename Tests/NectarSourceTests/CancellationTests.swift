import NectarMock
import Testing
@testable import NectarSource

/// Stopping a scan stops its traffic: cancelling the consumer or dropping the stream cancels
/// the requests in flight instead of waiting for them.
@Suite(.timeLimit(.minutes(5))) struct CancellationTests {
    @Test func cancellingTheConsumerEndsAScanPromptly() async throws {
        let faults = FaultConfiguration(latency: .milliseconds(200), seed: 1)
        try await withMockAPI(scale: 1, faults: faults) { server, client in
            // Judged by traffic, not by the clock (a loaded machine delays wake-ups): once the
            // consumer has stopped, the scan has not asked for the rest of the listing.
            server.resetStatistics()
            let (_, pages) = await Self.cancelAfterFirstPage(client, namespace: "contatos")
            if let pages { #expect(pages < pagesNeeded(600), "the scan must not have run to the end") }
            let requests = server.statistics().requests
            #expect(requests < pagesNeeded(600), "\(requests) requests: the scan went on after its consumer was cancelled")
        }
    }

    /// Starts a scan, cancels its consumer once the first page is in, and says how long the
    /// consumer took to stop and how many pages it saw (nil if it ended by throwing).
    private static func cancelAfterFirstPage(_ client: NectarClient, namespace: String) async -> (Duration, Int?) {
        let firstPage = AsyncStream.makeStream(of: Void.self)
        let consumer = Task {
            var pages = 0
            for try await _ in client.scan(PageRequest(path: "contatos/"), decoder: TestDecoder(namespace, decodeIDs)) {
                pages += 1
                if pages == 1 { firstPage.continuation.yield() }
            }
            return pages
        }
        for await _ in firstPage.stream { break }
        let cancelledAt = ContinuousClock.now
        consumer.cancel()
        let outcome = await consumer.result
        return (ContinuousClock.now - cancelledAt, try? outcome.get())
    }

    @Test func droppingTheStreamStopsFurtherRequests() async throws {
        let faults = FaultConfiguration(latency: .milliseconds(20), seed: 1)
        try await withMockAPI(scale: 1, faults: faults, configure: { $0.concurrency = 3 }) { server, client in
            for try await _ in client.scan(PageRequest(path: "contatos/"), decoder: TestDecoder("contatos", decodeIDs)) {
                break
            }
            try await Task.sleep(for: .milliseconds(300))
            let settled = server.statistics().requests
            try await Task.sleep(for: .milliseconds(300))
            #expect(server.statistics().requests == settled)
            // The window of 3, plus one more for each of its pages that came back full before the break.
            #expect(settled <= 6, "only the window that was in flight and its refills")
        }
    }
}
