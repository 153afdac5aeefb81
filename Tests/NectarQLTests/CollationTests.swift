@testable import NectarQL
import NectarSemantics
import Testing

/// Text orders the way a Brazilian reads it (accents and case after the letters), while `=`,
/// `group by` and `distinct` stay exact.
@Suite struct CollationTests {
    /// A column of five names over the contatos (ids cover every remainder of 5).
    private let names = "case id % 5 when 0 then 'Zé' when 1 then 'Érica' when 2 then 'ana' when 3 then 'Eduardo' else 'Bruno' end"

    @Test("order by, min and max read ana, Bruno, Eduardo, Érica, Zé (not code-point order)")
    func orderMinAndMax() async throws {
        try await MockSession.run { session in
            let ordered = try await session.rows("select distinct \(names) as n from contatos order by n")
            #expect(ordered == ["ana", "Bruno", "Eduardo", "Érica", "Zé"].map { [.text($0)] })
            let descending = try await session.rows("select distinct \(names) as n from contatos order by n desc")
            #expect(descending == ["Zé", "Érica", "Eduardo", "Bruno", "ana"].map { [.text($0)] })
            let extremes = try await session.rows("select min(\(names)), max(\(names)) from contatos")
            #expect(extremes == [[.text("ana"), .text("Zé")]])
        }
    }

    @Test("<, > and between compare text by the same order; = stays exact")
    func comparisons() async throws {
        try await MockSession.run { session in
            let row = try await session.rows("""
                select 'ana' < 'Bruno', 'Eduardo' < 'Érica', 'Érica' < 'Fábio', 'Érica' between 'Eduardo' and 'Zé',
                'Ana' = 'ana', 'Érica' = 'Erica', 'Érica' <> 'Erica', 'ação' = 'ação', 'Zé' > 'zebra'
                """)[0]
            #expect(row == [true, true, true, true, false, false, true, true, false].map(Value.boolean))
        }
    }

    @Test("group by and distinct keep texts that differ only in accent or case apart")
    func groupingStaysExact() async throws {
        try await MockSession.run { session in
            let groups = try await session.rows(
                "select case id % 3 when 0 then 'Érica' when 1 then 'Erica' else 'erica' end as n, count(*) from contatos group by n order by n")
            #expect(groups.map { $0[0] } == [.text("erica"), .text("Erica"), .text("Érica")])
        }
    }

    @Test("the order is total and deterministic: equal letters order by accent, then case, then exact text")
    func tieBreaks() {
        let shuffled = ["É", "e", "E", "é", "ê", "Ana", "ana", "anã", "Anã", "ANA", "a", "b", "A", "e\u{301}"]
        let sorted = shuffled.sorted { CollationKey($0).compare(CollationKey($1)) < 0 }
        #expect(sorted == ["a", "A", "ana", "Ana", "ANA", "anã", "Anã", "b", "e", "E", "é", "e\u{301}", "É", "ê"]
            || sorted == ["a", "A", "ana", "Ana", "ANA", "anã", "Anã", "b", "e", "E", "e\u{301}", "é", "É", "ê"])
        #expect(CollationKey("é").compare(CollationKey("e\u{301}")) == 0, "one text, written two ways, is equal as = says")
        for a in shuffled {
            for b in shuffled {
                let forward = CollationKey(a).compare(CollationKey(b))
                #expect(forward == -CollationKey(b).compare(CollationKey(a)))
                #expect((forward == 0) == (a == b), "\(a) \(b)")
            }
        }
    }

    @Test("Portuguese accents and ç fold to their letters at the first level")
    func portugueseLetters() {
        let words = ["caçar", "cabo", "Cádiz", "cão", "casa", "céu", "Cecília", "coração", "côco", "cuca"]
        let sorted = words.sorted { CollationKey($0).compare(CollationKey($1)) < 0 }
        #expect(sorted == ["cabo", "caçar", "Cádiz", "cão", "casa", "Cecília", "céu", "côco", "coração", "cuca"])
    }
}
