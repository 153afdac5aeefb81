import NectarQL
import Testing

/// Input an analyst (or a generator script) writes flat but long: 10,000-term chains parse, bind,
/// plan, explain and run without exhausting the stack, and an `in` list of 100,000 values binds
/// and runs in linear time. The sizes would overflow or take hours with recursive or quadratic passes.
@Suite struct LargeInputTests {
    @Test("10,000 or-ed equalities run, explain, and answer like the in list they mean")
    func longOrChain() async throws {
        try await MockSession.run { session in
            let ids = Array(10_001...20_000)  // the fake API's contact ids start at 10,001
            let condition = ids.map { "id = \($0)" }.joined(separator: " or ")
            let rows = try await session.rows("select id from contatos where \(condition) order by id")
            let expected = try await session.rows("select id from contatos where id in (\(ids.map(String.init).joined(separator: ", "))) order by id")
            #expect(rows == expected)
            let all = session.dataset.records(.contatos).compactMap { Expected.float($0, "id") }.filter { $0 >= 10_001 && $0 <= 20_000 }
            #expect(EvaluationTests.ids(rows) == all.sorted())
            let plan = try await session.explain("select id from contatos where \(condition)")
            #expect(plan.contains { $0.contains("id = 19999 or id = 20000") })
        }
    }

    @Test("10,000-term and, +, * and || chains bind and evaluate")
    func longChainsOfEveryFlatOperator() async throws {
        try await MockSession.run { session in
            let n = 10_000
            let sum = try await session.rows("select " + Array(repeating: "1", count: n).joined(separator: " + "))
            #expect(sum == [[.float(Double(n))]])
            let mixed = try await session.rows("select " + (0..<n).map { $0 % 2 == 0 ? "2" : "1" }.joined(separator: " - "))
            #expect(mixed == [[.float(2 - Double(n / 2 - 1) * 2 - Double(n / 2))]])
            let product = try await session.rows("select " + Array(repeating: "1", count: n).joined(separator: " * "))
            #expect(product == [[.float(1)]])
            let text = try await session.rows("select " + Array(repeating: "'a'", count: n).joined(separator: " || "))
            #expect(text == [[.text(String(repeating: "a", count: n))]])
            let conjunction = (0..<n).map { "id > \(-$0)" }.joined(separator: " and ")
            let rows = try await session.rows("select count(*) from contatos where \(conjunction) and constante = 1")
            let count = session.dataset.records(.contatos).filter { Expected.float($0, "constante") == 1 }.count
            #expect(rows == [[.float(Double(count))]])
            let planned = try await session.explain("select id from contatos where \(conjunction)")
            #expect(planned.contains { $0.contains("id > -9999") })
        }
    }

    @Test("an in list of 100,000 values binds, plans and filters in linear time")
    func hugeInList() async throws {
        try await MockSession.run { session in
            let values = (10_001...110_000).map(String.init).joined(separator: ", ")
            let rows = try await session.rows("select id from contatos where id in (\(values)) order by id")
            let all = session.dataset.records(.contatos).compactMap { Expected.float($0, "id") }.filter { $0 >= 10_001 && $0 <= 110_000 }
            #expect(EvaluationTests.ids(rows) == all.sorted())
            let texts = (1...100_000).map { "'nome \($0)'" }.joined(separator: ", ")
            let none = try await session.rows("select count(*) from contatos where nome not in (\(texts))")
            #expect(none == [[.float(Double(session.dataset.records(.contatos).count))]])
        }
    }
}
