import NectarMock
import NectarQL
import Testing

/// The engine as a Swift program embeds it: cancelling a running query. (The README's example
/// runs in `Tests/EmbeddingTests`, against the public API alone.)
@Suite struct EmbeddingTests {
    @Test("cancelling the task that consumes a slow query stops its fetching; the engine keeps working")
    func cancellation() async throws {
        let faults = FaultConfiguration(latency: .milliseconds(200))
        try await MockSession.run(scale: 1, faults: faults) { session in
            let result = try await session.engine.execute("select * from oportunidades")
            let (firstBatch, signal) = AsyncStream<Void>.makeStream()
            let consumer = Task {
                // Ends the wait below even if the query fails before its first batch.
                defer { signal.finish() }
                var rows = 0
                for try await batch in result.batches {
                    rows += batch.count
                    signal.yield()
                }
                return rows
            }
            for await _ in firstBatch { break }
            consumer.cancel()
            let outcome = await consumer.result
            let rows = (try? outcome.get()) ?? 0
            let deals = session.dataset.records(.oportunidades).count
            #expect(rows < deals, "the query stopped before its end")

            // Requests already on their way may still land; after that, silence.
            try await Task.sleep(for: .milliseconds(150))
            let atEnd = session.server.statistics().requests
            try await Task.sleep(for: .milliseconds(600))
            #expect(session.server.statistics().requests == atEnd, "no request after the consumer was cancelled")
            // A whole scan needs a page per 50 deals of each status; far fewer were asked for.
            #expect(atEnd < deals / 50)

            // Leaving the loop early is the other way to stop a query.
            let early = try await session.engine.execute("select o.id, c.nome from oportunidades o join contatos c on cliente_id")
            for try await _ in early.batches { break }
            try await Task.sleep(for: .milliseconds(150))
            let afterBreak = session.server.statistics().requests
            try await Task.sleep(for: .milliseconds(600))
            #expect(session.server.statistics().requests == afterBreak, "no request after the loop was left")

            session.server.setFaults(FaultConfiguration())
            let pipelines = try await session.rows("select count(*) from pipelines")
            #expect(pipelines == [[.float(Double(session.dataset.records(.pipeline).count))]])
        }
    }
}

