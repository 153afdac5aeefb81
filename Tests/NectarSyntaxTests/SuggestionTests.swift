@testable import NectarSyntax
import Testing

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    let tables = ["contatos", "oportunidades", "empresas", "tarefas", "usuarios"]

    @Test func closeTyposAreSuggested() {
        #expect(Suggestion.closest(to: "contato", among: tables) == "contatos")
        #expect(Suggestion.closest(to: "oprtunidades", among: tables) == "oportunidades")
        #expect(Suggestion.closest(to: "TAREFAS", among: tables) == "tarefas")
        #expect(Suggestion.closest(to: "valor_total", among: ["valortotal", "nome"]) == "valortotal")
    }

    @Test func unrelatedNamesAreNot() {
        #expect(Suggestion.closest(to: "xyz", among: tables) == nil)
        #expect(Suggestion.closest(to: "id", among: ["nome"]) == nil)
        #expect(Suggestion.closest(to: "anything", among: []) == nil)
    }

    @Test func theClosestWinsAndTiesGoToTheFirst() {
        #expect(Suggestion.closest(to: "nomes", among: ["nome_x", "nome"]) == "nome")
        #expect(Suggestion.closest(to: "ab", among: ["ax", "xb"]) == "ax")
    }

    @Test func editDistance() {
        func distance(_ a: String, _ b: String) -> Int { Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3)
        #expect(distance("ação", "acao") == 2)
    }
}
