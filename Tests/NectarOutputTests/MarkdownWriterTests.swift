import Testing
import NectarCatalog
@testable import NectarOutput

@Suite struct MarkdownWriterTests {
    @Test func pipeTableWithNumberColumnsRightAligned() throws {
        let output = try render(.markdown, columns: [float("id"), text("nome")], rows: [[.float(1), .text("Ana")], [.float(2), .null]])
        #expect(output == """
            | id | nome |
            | ---: | --- |
            | 1 | Ana |
            | 2 |  |

            """)
    }

    @Test func pipesAreEscapedAndLineBreaksBecomeBr() throws {
        let output = try render(.markdown, columns: [text("t")], rows: [[.text("a|b\nc\r\nd")]]) { $0.headers = false }
        #expect(output == #"| a\|b<br>c<br>d |"# + "\n")
    }

    @Test func zeroRowsKeepsTheHeader() throws {
        let output = try render(.markdown, columns: [text("nome")], rows: [])
        #expect(output == "| nome |\n| --- |\n")
    }
}
