import NectarMock
import NectarQL
import Testing

/// Names with characters that mean something in a URL or in SQL (`&`, `+`, quotes, newlines,
/// surrounding spaces) survive the trip into `nome=` and back, and the answer stays exact.
@Suite struct HostileNameTests {
    static let special: Set<Character> = ["&", "+", ";", "\"", "'", "\\", "\n", "\r\n", "\t", "#", "%", "=", "<", "☕️"]

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    @Test("nome = and like with URL- and SQL-special characters")
    func specialNames() async throws {
        try await MockSession.run(scale: 0.5) { session in
            let contatos = session.dataset.records(.contatos)
            let names = Set(contatos.compactMap { Expected.text($0, "nome") }.filter { name in
                name.contains(where: Self.special.contains) || name.hasPrefix(" ")
            }).sorted().prefix(12)
            #expect(names.count >= 3, "the dataset should carry some hostile names")
            for name in names {
                let exact = try await session.rows("select id from contatos where nome = \(Self.literal(name))")
                let expected = contatos.filter { Expected.text($0, "nome") == name }.compactMap { Expected.float($0, "id") }
                #expect(exact.compactMap { $0[0].double }.sorted() == expected.sorted(), "nome = \(name.debugDescription)")
                #expect(session.requests.listings.first?["nome"] == name, "sent \(session.requests)")

                let prefix = String(name.prefix(6))
                guard !prefix.contains("%"), !prefix.contains("_") else { continue }
                let like = try await session.rows("select id from contatos where nome like \(Self.literal(prefix + "%"))")
                let expectedLike = contatos.filter { Expected.text($0, "nome")?.hasPrefix(prefix) == true }.compactMap { Expected.float($0, "id") }
                #expect(like.compactMap { $0[0].double }.sorted() == expectedLike.sorted(), "like \(prefix.debugDescription)")
            }
        }
    }
}
