@testable import NectarSyntax
import Testing

@Suite("Vocabulary for completion")
struct VocabularyTests {
    @Test func keywordsCoverTheStatementsAndClauses() {
        for word in ["select", "from", "where", "join", "left", "group", "order", "limit", "explain", "describe", "show", "tables", "ilike", "nulls", "interval", "integer"] {
            #expect(Vocabulary.keywords.contains(word), "\(word)")
        }
        #expect(!Vocabulary.keywords.contains("right"), "unsupported words are not offered")
        #expect(Vocabulary.keywords == Vocabulary.keywords.sorted())
    }

    @Test func everyReservedWordIsRefusedAsABareAliasButAcceptedQuoted() throws {
        for word in Vocabulary.reservedWords where !["as", "from", "join", "inner", "left", "where", "group", "having", "order", "limit", "right", "full", "cross", "natural"].contains(word) {
            #expect(throws: QueryError.self, "\(word)") { try Parser.parseStatement("select a from t \(word) b") }
            let select = try parseSelect("select a as \"\(word)\" from \"\(word)\"")
            #expect(select.from?.name.name == word)
        }
    }
}
