import NectarQL
import Testing

/// Result columns never share a name: JSON would repeat a key (parsers keep one value and drop the
/// other) and CSV headers would be ambiguous.
@Suite("Unique result column names")
struct OutputNameTests {
    @Test("a name written twice with different tables takes each one's alias")
    func qualifiedDuplicatesTakeTheirAlias() async throws {
        try await MockSession.run { session in
            let (columns, rows) = try await session.query(
                "select o.id, c.id, o.nome from oportunidades o join contatos c on cliente_id where o.status = 2 limit 3")
            #expect(columns == ["o.id", "c.id", "nome"])
            #expect(rows.count == 3)
        }
    }

    @Test("select * over a join qualifies only the names both tables have")
    func wildcardOverJoin() async throws {
        try await MockSession.run { session in
            let (columns, _) = try await session.query("select * from tarefas t join contatos c on cliente_id limit 1")
            #expect(Set(columns.map { $0.lowercased() }).count == columns.count, "\(columns)")
            #expect(columns.contains("t.id") && columns.contains("c.id"))
            #expect(columns.contains("cliente_id"), "a name only tarefas has stays bare")
        }
    }

    @Test("repeats without a table to tell them apart are numbered, and never clash with a written name")
    func unqualifiedDuplicatesAreNumbered() async throws {
        try await MockSession.run { session in
            let (columns, _) = try await session.query("select id, id, nome as id_2, 1 + 1, 1 + 1 from contatos limit 1")
            #expect(columns == ["id", "id_3", "id_2", "1 + 1", "1 + 1_2"])
            let (aliases, _) = try await session.query("select nome as total, email as TOTAL from contatos limit 1")
            #expect(aliases == ["total", "total_2"], "identifiers are case-insensitive, so these two are one name")
        }
    }
}
