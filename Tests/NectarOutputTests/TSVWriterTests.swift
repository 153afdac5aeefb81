import Testing
import NectarCatalog
@testable import NectarOutput

@Suite struct TSVWriterTests {
    @Test func tabSeparatedWithHeader() throws {
        let output = try render(.tsv, columns: [float("id"), text("nome"), boolean("ativo")], rows: [[.float(10), .text("Ana"), .boolean(true)]])
        #expect(output == "id\tnome\tativo\n10\tAna\ttrue\n")
    }

    @Test func controlCharactersAndBackslashesAreEscaped() throws {
        let output = try render(.tsv, columns: [text("t")], rows: [[.text("a\tb\nc\rd\\e")]]) { $0.headers = false }
        #expect(output == #"a\tb\nc\rd\\e"# + "\n")
    }

    @Test func nullIsEmptyAndTextIsOtherwiseUntouched() throws {
        let output = try render(.tsv, columns: [text("a"), text("b")], rows: [[.null, .text("\"quoted\", çá 😀")]]) { $0.headers = false }
        #expect(output == "\t\"quoted\", çá 😀\n")
    }

    @Test func headersOff() throws {
        let output = try render(.tsv, columns: [float("n")], rows: [[.float(0.5)]]) { $0.headers = false }
        #expect(output == "0.5\n")
    }
}
