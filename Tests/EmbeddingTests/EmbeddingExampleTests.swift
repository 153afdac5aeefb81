import NectarMock
import NectarQL
import Testing

/// This target has no package access (see Package.swift): it sees only what `import NectarQL`
/// offers a program outside this package. If the README's example needs anything that is not
/// public, this file does not compile.
@Suite("Embedding the engine through its public API alone", .timeLimit(.minutes(5)))
struct EmbeddingExampleTests {
    @Test("the README's program: create an engine, run a statement, read columns and batches")
    func readmeProgram() async throws {
        let dataset = MockDataset(seed: 7, scale: 0.2)
        let printed = try await withFakeAPI(dataset) { apiURL in
            let token = MockServer.demoToken
            var printed: [String] = []
            func print(_ line: String) { printed.append(line) }

            // — the program, as the README shows it (with the fake API's address) —
            let engine = try Engine(configuration: EngineConfiguration(apiURL: apiURL, token: token))
            let result = try await engine.execute(
                "select nome, valortotal from oportunidades where status = 2 order by valortotal desc limit 3")
            print(result.columns.map(\.name).joined(separator: " | "))
            for try await batch in result.batches {
                for row in batch { print(row.map { "\($0)" }.joined(separator: " | ")) }
            }
            await engine.shutdown()
            // — end of the program —
            return printed
        }
        let won = dataset.records(.oportunidades).filter { number($0, "status") == 2 }
        let top = won.sorted { (number($0, "valorTotal") ?? -.infinity) > (number($1, "valorTotal") ?? -.infinity) }.prefix(3)
        #expect(printed.first == "nome | valortotal")
        #expect(printed.dropFirst() == top.map { "\(Value.text(text($0, "nome"))) | \(Value.float(number($0, "valorTotal")!))" }[...])
    }

    @Test("results are written as CSV through the public writers, and errors carry their place")
    func writersAndErrors() async throws {
        try await withFakeAPI(MockDataset(scale: 0.2)) { apiURL in
            let engine = try Engine(configuration: EngineConfiguration(apiURL: apiURL, token: MockServer.demoToken))
            let result = try await engine.execute("select count(*) as n from contatos where nome like 'Zzz%'")
            let sink = StringSink()
            let writer = Writers.make(OutputOptions(format: .csv), sink: sink)
            try writer.begin(columns: result.columns)
            for try await batch in result.batches { try writer.write(batch: batch) }
            try writer.finish()
            #expect(sink.text == "n\n0\n")

            let error = await #expect(throws: QueryError.self) { try await engine.execute("select nome\nfrom contatoz") }
            #expect(error?.location?.line == 2)
            await engine.shutdown()
        }
    }

    /// Runs `body` against a fake API on a free port of 127.0.0.1, stopped before returning or throwing.
    private func withFakeAPI<T>(_ dataset: MockDataset, _ body: (String) async throws -> T) async throws -> T {
        let server = MockServer(dataset: dataset, maxLifetime: .seconds(600))
        _ = try await server.start(port: 0)
        do {
            let value = try await body(server.baseURL)
            await server.stop()
            return value
        } catch {
            await server.stop()
            throw error
        }
    }

    private func number(_ record: MockJSON, _ key: String) -> Double? {
        if case .number(let value) = record[path: [key]] { return value }
        return nil
    }

    private func text(_ record: MockJSON, _ key: String) -> String {
        if case .string(let value) = record[path: [key]] { return value }
        return ""
    }
}
