import NectarMock
import NectarQL
import Testing

/// A wrong statement is rejected with a precise `QueryError` (message and place) before any request.
@Suite struct BadInputTests {
    static let cases: [(sql: String, message: String, column: Int)] = [
        ("select o.nome, c.valortotal from oportunidades o join contatos c on cliente_id", "unknown column 'valortotal' in contatos", 16),
        ("select * from contatos join tarefas on id", "no relationship", 40),
        ("select count(*), nome from contatos", "'nome' must appear in group by", 18),
        ("select status, nome from oportunidades group by status", "'nome' must appear in group by", 16),
        ("select id from contatos where nome > 3", "cannot compare text with float", 36),
        ("select lowr(nome) from contatos", "unknown function 'lowr'; did you mean lower?", 8),
        ("select sum(nome) from contatos", "sum() needs float", 12),
        ("select * from contatoss", "did you mean contatos?", 15),
    ]

    @Test("errors name the problem and the place, and nothing is fetched", arguments: cases.indices)
    func rejectedBeforeAnyRequest(_ index: Int) async throws {
        let (sql, message, column) = Self.cases[index]
        try await MockSession.run(scale: 0.05) { session in
            // The session read its custom field definitions up front; the statement itself sends nothing.
            session.server.resetStatistics()
            let error = await #expect(throws: QueryError.self) { _ = try await session.engine.execute(sql) }
            #expect(error?.message.contains(message) == true, "\(sql) → \(error?.message ?? "no error")")
            #expect(error?.location?.column == column, "\(sql) → \(String(describing: error?.location))")
            #expect(session.server.statistics().requests == 0)
        }
    }
}
