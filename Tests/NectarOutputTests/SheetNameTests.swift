import Foundation
import NectarCatalog
import Testing
import WorkbookReading
@testable import NectarOutput

/// Sheet names Excel accepts, unique in the workbook.
@Suite struct SheetNameTests {
    @Test func forbiddenCharactersAreDropped() {
        #expect(SheetName.cleaned("Receita [2024]: mês/ano?*\\") == "Receita 2024 mêsano")
    }

    @Test func namesAreCutToThirtyOneCharacters() {
        let long = "oportunidades_ganhas_por_vendedor_e_mes"
        #expect(SheetName.cleaned(long) == String(long.prefix(31)))
        #expect(SheetName.cleaned(String(repeating: "😀", count: 20)).utf16.count <= 31)
    }

    @Test func apostrophesAndBlanksAtTheEndsGoAndNothingLeftIsASheet() {
        #expect(SheetName.cleaned("'Ana's' ") == "Ana's")
        #expect(SheetName.cleaned("[]:") == "Sheet")
        #expect(SheetName.cleaned("") == "Sheet")
    }

    @Test func duplicatesAreNumberedIgnoringCaseAndStillFit() {
        #expect(SheetName.unique("contatos", among: ["Contatos"]) == "contatos (2)")
        #expect(SheetName.unique("contatos", among: ["contatos", "contatos (2)"]) == "contatos (3)")
        let long = String(repeating: "a", count: 31)
        let numbered = SheetName.unique(long, among: [long])
        #expect(numbered.count == 31)
        #expect(numbered.hasSuffix(" (2)"))
        #expect(SheetName.unique("History", among: []) == "History (2)")
    }

    @Test func aWorkbookGetsOneSheetPerResultNamedAndDeduplicated() throws {
        let scratch = try ScratchDirectory()
        let result = SheetResult(name: nil, columns: [float("n")], rows: [[.float(1)]])
        var named = result
        let book = try writeWorkbook(
            [{ named.name = "contatos"; return named }(), { named.name = "Contatos"; return named }(), result,
             { named.name = "Receita por mês: 2024/2025 (vendedores ativos)"; return named }()],
            to: scratch.file("r.xlsx"))
        #expect(book.sheetNames == ["contatos", "Contatos (2)", "Sheet", "Receita por mês 20242025 (vende"])
        #expect(try book.sheet(3).cell("A2")?.value == "1")
    }
}
