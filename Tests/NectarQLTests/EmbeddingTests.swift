import NectarMock
import NectarQL
import Testing

/// The engine as a Swift program embeds it: the README's example, and cancelling a running query.
@Suite struct EmbeddingTests {
    @Test("the README's program: create an engine, run a statement, read columns and batches")
    func readmeProgram() async throws {
        let dataset = MockDataset(seed: 7, scale: 0.2)
        let server = MockServer(dataset: dataset, maxLifetime: .seconds(600))
        _ = try await server.start(port: 0)
        let token = MockServer.demoToken
        var printed: [String] = []
        func print(_ line: String) { printed.append(line) }

        // — the program, as the README shows it —
        let engine = try Engine(configuration: EngineConfiguration(apiURL: server.baseURL, token: token))
        let result = try await engine.execute("select nome, valortotal from oportunidades where status = 2 order by valortotal desc limit 3")
        print(result.columns.map(\.name).joined(separator: " | "))
        for try await batch in result.batches {
            for row in batch { print(row.map { "\($0)" }.joined(separator: " | ")) }
        }
        await engine.shutdown()
        // — end of the program —

        await server.stop()
        let top = dataset.records(.oportunidades).filter { Expected.float($0, "status") == 2 }
            .sorted { (Expected.float($0, "valorTotal") ?? -.infinity) > (Expected.float($1, "valorTotal") ?? -.infinity) }.prefix(3)
        #expect(printed.first == "nome | valortotal")
        #expect(printed.dropFirst() == top.map { record in
            "\(Expected.value(record, "nome", .text)) | \(Expected.value(record, "valorTotal", .float))"
        }[...])
    }

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

