import Testing
import NectarCatalog
@testable import NectarOutput

@Suite struct LineWriterTests {
    @Test func namesRightAlignedAndBlankLineBetweenRows() throws {
        let output = try render(.line, columns: [float("id"), text("nome_completo")], rows: [[.float(1), .text("Ana")], [.float(2), .null]])
        let expected = ["           id = 1", "nome_completo = Ana", "", "           id = 2", "nome_completo = NULL", ""]
        #expect(output == expected.joined(separator: "\n"))
    }

    @Test func nullAndEmptyTextLookDifferentAndNullIsDimOnATerminal() throws {
        let rows: [[Value]] = [[.null], [.text("")]]
        #expect(try render(.line, columns: [text("nome")], rows: rows) == " nome = NULL\n\n nome = \n")
        let styled = try render(.line, columns: [text("nome")], rows: rows) { $0.terminalStyles = true }
        #expect(styled == " nome = \u{1B}[2mNULL\u{1B}[22m\n\n nome = \n")
    }

    @Test func shortNamesArePaddedToFiveLikeSqlite() throws {
        let output = try render(.line, columns: [float("a"), boolean("ok")], rows: [[.float(0.5), .boolean(true)]])
        #expect(output == "    a = 0.5\n   ok = true\n")
    }

    @Test func zeroRowsWritesNothing() throws {
        #expect(try render(.line, columns: [float("id")], rows: []) == "")
    }
}
