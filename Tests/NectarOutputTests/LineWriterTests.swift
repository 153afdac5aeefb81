import Testing
import NectarCatalog
@testable import NectarOutput

@Suite struct LineWriterTests {
    @Test func namesRightAlignedAndBlankLineBetweenRows() throws {
        let output = try render(.line, columns: [float("id"), text("nome_completo")], rows: [[.float(1), .text("Ana")], [.float(2), .null]])
        let expected = ["           id = 1", "nome_completo = Ana", "", "           id = 2", "nome_completo = ", ""]
        #expect(output == expected.joined(separator: "\n"))
    }

    @Test func shortNamesArePaddedToFiveLikeSqlite() throws {
        let output = try render(.line, columns: [float("a"), boolean("ok")], rows: [[.float(0.5), .boolean(true)]])
        #expect(output == "    a = 0.5\n   ok = true\n")
    }

    @Test func zeroRowsWritesNothing() throws {
        #expect(try render(.line, columns: [float("id")], rows: []) == "")
    }
}
