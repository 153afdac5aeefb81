import Testing
import NectarCatalog
@testable import NectarOutput

@Suite struct ExcelCSVTests {
    private func excel(_ columns: [ResultColumn], _ rows: [[Value]], headers: Bool = true) throws -> [UInt8] {
        let output = try render(.csv, columns: columns, rows: rows) {
            $0.excel = true
            $0.headers = headers
        }
        return Array(output.utf8)
    }

    @Test func startsWithBOMUsesSemicolonsAndCRLF() throws {
        let bytes = try excel([float("id"), text("nome")], [[.float(1), .text("Ana")]])
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("id;nome\r\n1;Ana\r\n".utf8))
    }

    @Test func bomIsWrittenEvenWithoutHeaders() throws {
        let bytes = try excel([float("id")], [[.float(3)]], headers: false)
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("3\r\n".utf8))
    }

    @Test func decimalCommaWithoutThousandsSeparator() throws {
        let bytes = try excel([float("v")], [[.float(1234.5)], [.float(1234567.25)], [.float(123456789)], [.float(-0.5)]], headers: false)
        #expect(bytes.dropFirst(3) == ArraySlice(Array("1234,5\r\n1234567,25\r\n123456789\r\n-0,5\r\n".utf8)))
    }

    @Test func formulaGuardPrefixesTextOnly() throws {
        let rows: [[Value]] = [
            [.text("=HYPERLINK(\"x\")"), .float(-5)],
            [.text("+55 11 9999"), .float(2)],
            [.text("-abc"), .float(3)],
            [.text("@cmd"), .float(4)],
            [.text("ok=fine"), .float(5)],
        ]
        let bytes = try excel([text("t"), float("n")], rows, headers: false)
        let expected = "\"'=HYPERLINK(\"\"x\"\")\";-5\r\n'+55 11 9999;2\r\n'-abc;3\r\n'@cmd;4\r\nok=fine;5\r\n"
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == expected)
    }

    @Test func formulaGuardCoversTabCarriageReturnAndLeadingSpaces() throws {
        let rows: [[Value]] = [
            [.text("\t=1+1")], [.text("\r=1+1")], [.text("  =1+1")], [.text(" @cmd")], [.text("\tplain")],
            [.text("  ok")], [.text("   ")],
        ]
        let bytes = try excel([text("t")], rows, headers: false)
        let expected = "'\t=1+1\r\n\"'\r=1+1\"\r\n'  =1+1\r\n' @cmd\r\n'\tplain\r\n  ok\r\n   \r\n"
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == expected)
    }

    @Test func quotingUsesTheSemicolon() throws {
        let bytes = try excel([text("t")], [[.text("a;b")], [.text("a,b")], [.text("l1\nl2")], [.text("")]], headers: false)
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "\"a;b\"\r\na,b\r\n\"l1\nl2\"\r\n\"\"\r\n")
    }

    @Test func accentsSurviveAsUTF8() throws {
        let bytes = try excel([text("cidade")], [[.text("São João")]], headers: false)
        #expect(Array(bytes.dropFirst(3)) == Array("São João\r\n".utf8))
    }

    @Test func aSecondStatementToTheSameSinkGetsNoSecondBOM() throws {
        var options = OutputOptions(format: .csv)
        options.excel = true
        let sink = StringSink()
        for value in [1.0, 2.0] {
            let writer = Writers.make(options, sink: sink)
            try writer.begin(columns: [float("n")])
            try writer.write(batch: [[.float(value)]])
            try writer.finish()
        }
        #expect(sink.bytes == [0xEF, 0xBB, 0xBF] + Array("n\r\n1\r\nn\r\n2\r\n".utf8))
    }
}
