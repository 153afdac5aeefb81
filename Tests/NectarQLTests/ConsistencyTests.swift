import NectarQL
import Testing

/// The language answers alike in alike places: aliases in having, casts that cannot succeed,
/// division and remainder by zero.
@Suite struct ConsistencyTests {
    @Test("a select alias works in having as in group by and order by")
    func aliasInHaving() async throws {
        try await MockSession.run { session in
            let byAlias = try await session.rows(
                "select status, count(*) as n, sum(valortotal) as receita from oportunidades group by status having n > 10 and receita > 0 order by status")
            let spelledOut = try await session.rows(
                "select status, count(*), sum(valortotal) from oportunidades group by status having count(*) > 10 and sum(valortotal) > 0 order by status")
            #expect(byAlias == spelledOut)
            #expect(!byAlias.isEmpty)
            let grouped = try await session.rows("select status as s, count(*) from oportunidades group by s having s > 2 order by s")
            #expect(grouped.allSatisfy { ($0[0].double ?? 0) > 2 } && !grouped.isEmpty)
        }
    }

    @Test("a group key wins over a select alias of the same name in having")
    func groupKeyWinsInHaving() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows(
                "select status, count(*) as status from oportunidades group by status having status = 2")
            #expect(rows.count == 1)
            #expect(rows.first?[0] == .float(2))
        }
    }

    @Test("cast of a value from the data that cannot convert is NULL, for every type")
    func castOfDataIsNull() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows(
                "select cast(nome as float), cast(nome as integer), cast(nome as boolean), cast(nome as timestamp) from contatos where nome like '%a%' limit 5")
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0 == [.null, .null, .null, .null] })
        }
    }

    @Test("cast of a literal that cannot convert is an error before any request, for every type")
    func castOfLiteralIsAnError() async throws {
        try await MockSession.run { session in
            for type in ["float", "integer", "boolean", "timestamp"] {
                let sql = "select id, cast('abc' as \(type)) from contatos"
                do {
                    _ = try await session.rows(sql)
                    Issue.record("no error for \(sql)")
                } catch let error as QueryError {
                    #expect(error.message.hasPrefix("'abc' is not a"), "\(error.message)")
                    #expect(error.location?.column == 17)
                }
                #expect(session.requests.isEmpty)
            }
            await #expect(throws: QueryError.self) { try await session.rows("select cast(now() as boolean)") }
        }
    }

    @Test("x / 0 and x % 0 are NULL, for every x")
    func divisionByZero() async throws {
        try await MockSession.run { session in
            let row = try await session.rows("select 1 / 0, 1 % 0, 0 / 0, 0 % 0, -1 / 0, 1.5 % 0, 7 / 2, 7 % 2, -7 % 2")[0]
            #expect(row == [.null, .null, .null, .null, .null, .null, .float(3.5), .float(1), .float(-1)])
        }
    }
}
