import Testing
import NectarCatalog
@testable import NectarOutput

@Suite struct CSVWriterTests {
    @Test func headerThenRowsWithLFLineEnds() throws {
        let output = try render(.csv, columns: [float("id"), text("nome")], rows: [[.float(1), .text("Ana")], [.float(2), .text("Bia")]])
        #expect(output == "id,nome\n1,Ana\n2,Bia\n")
    }

    @Test func headersOffLeavesOnlyRows() throws {
        let output = try render(.csv, columns: [float("id")], rows: [[.float(7)]]) { $0.headers = false }
        #expect(output == "7\n")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("line1\nline2", "\"line1\nline2\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("crlf\r\nhere", "\"crlf\r\nhere\""),
        ("  leading and trailing  ", "  leading and trailing  "),
        ("semi;colon", "semi;colon"),
        ("", "\"\""),
    ])
    func quoting(value: String, expected: String) throws {
        let output = try render(.csv, columns: [text("t")], rows: [[.text(value)]]) { $0.headers = false }
        #expect(output == expected + "\n")
    }

    @Test func nullIsAnEmptyFieldAndDiffersFromEmptyString() throws {
        let output = try render(.csv, columns: [text("a"), text("b"), text("c")], rows: [[.null, .text(""), .null]])
        #expect(output == "a,b,c\n,\"\",\n")
    }

    @Test func utf8TextIsWrittenUntouched() throws {
        let value = "São Paulo — café ☕️ 👩‍💻 e\u{301}"
        let output = try render(.csv, columns: [text("cidade")], rows: [[.text(value)]])
        #expect(output == "cidade\n\(value)\n")
        #expect(Array(output.utf8) == Array("cidade\n".utf8) + Array(value.utf8) + [0x0A])
    }

    @Test func textThatLooksLikeAFormulaIsNotAlteredInPlainCSV() throws {
        let output = try render(.csv, columns: [text("t")], rows: [[.text("=SUM(A1)")], [.text("-5")]]) { $0.headers = false }
        #expect(output == "=SUM(A1)\n-5\n")
    }

    @Test func typedValues() throws {
        let columns = [float("id"), float("valor"), boolean("ativo"), timestamp("criado")]
        let rows: [[Value]] = [
            [.float(123456789), .float(-2.5), .boolean(true), .timestamp(utcMillis(2024, 3, 5, 17, 30))],
            [.float(1e20), .float(0.1), .boolean(false), .timestamp(utcMillis(2018, 12, 1, 12))],
        ]
        let output = try render(.csv, columns: columns, rows: rows, timeZone: saoPaulo)
        #expect(output == """
            id,valor,ativo,criado
            123456789,-2.5,true,2024-03-05 14:30:00
            100000000000000000000,0.1,false,2018-12-01 10:00:00

            """)
    }

    @Test func timestampsFollowTheSessionZone() throws {
        let rows: [[Value]] = [[.timestamp(utcMillis(2024, 3, 5, 17, 30))]]
        let output = try render(.csv, columns: [timestamp("t")], rows: rows, timeZone: utc) { $0.headers = false }
        #expect(output == "2024-03-05 17:30:00\n")
    }

    @Test func headerNamesAreQuotedWhenNeeded() throws {
        let output = try render(.csv, columns: [text("a,b"), text("c")], rows: [])
        #expect(output == "\"a,b\",c\n")
    }

    @Test func streamsEachBatchBeforeTheNextArrives() throws {
        let sink = StringSink()
        let writer = Writers.make(OutputOptions(format: .csv), sink: sink)
        try writer.begin(columns: [float("id")])
        #expect(sink.text == "id\n")
        try writer.write(batch: [[.float(1)]])
        #expect(sink.text == "id\n1\n")
        try writer.write(batch: [[.float(2)]])
        try writer.finish()
        #expect(sink.text == "id\n1\n2\n")
    }

    @Test func rowWithWrongValueCountIsAnError() throws {
        #expect(throws: OutputError.rowWidthMismatch(expected: 2, got: 1)) {
            try render(.csv, columns: [text("a"), text("b")], rows: [[.text("x")]])
        }
    }
}
