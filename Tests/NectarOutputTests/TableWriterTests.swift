import Testing
import NectarCatalog
@testable import NectarOutput

@Suite struct TableWriterTests {
    @Test func alignedColumnsWithRuleAndFooter() throws {
        let output = try render(.table, columns: [float("id"), text("nome")], rows: [[.float(1), .text("Ana")], [.float(1234), .text("Bárbara")]])
        let expected = ["   id | nome", "------+---------", "    1 | Ana", " 1234 | Bárbara", "(2 rows)", ""]
        #expect(output == expected.joined(separator: "\n"))
    }

    @Test func singularFooterAndNullAsTheWordNULL() throws {
        let output = try render(.table, columns: [text("a"), float("b")], rows: [[.null, .null]])
        #expect(output == " a    |    b\n------+------\n NULL | NULL\n(1 row)\n")
    }

    @Test func nullDiffersFromEmptyTextAndIsDimOnATerminalWithoutWidening() throws {
        let rows: [[Value]] = [[.null], [.text("")]]
        #expect(try render(.table, columns: [text("nome")], rows: rows) == " nome\n------\n NULL\n \n(2 rows)\n")
        let styled = try render(.table, columns: [text("nome")], rows: rows) { $0.terminalStyles = true }
        #expect(styled == " nome\n------\n \u{1B}[2mNULL\u{1B}[22m\n \n(2 rows)\n")
    }

    @Test func zeroRowsShowsHeaderAndZeroCount() throws {
        let output = try render(.table, columns: [float("id"), text("nome")], rows: [])
        #expect(output == " id | nome\n----+------\n(0 rows)\n")
    }

    @Test func headersOffDropsHeaderAndRule() throws {
        let output = try render(.table, columns: [text("nome")], rows: [[.text("Ana")]]) { $0.headers = false }
        #expect(output == " Ana\n(1 row)\n")
    }

    @Test func newlinesShowAsArrowsSoRowsStayOnOneLine() throws {
        let output = try render(.table, columns: [text("t")], rows: [[.text("um\ndois\r\ntrês\tquatro")]])
        #expect(output == " t\n" + String(repeating: "-", count: 21) + "\n um↵dois↵três quatro\n(1 row)\n")
    }

    @Test func controlCharactersCannotDriveTheTerminal() throws {
        let output = try render(.table, columns: [text("t")], rows: [[.text("a\u{1B}[2Jb")]])
        #expect(!output.contains("\u{1B}"))
        #expect(output.contains(" a\u{FFFD}[2Jb\n"))
    }

    @Test func widthCountsGraphemesAndWideCharacters() throws {
        // "e\u{301}" is one cell; the emoji and the CJK characters take two each.
        let rows: [[Value]] = [[.text("cafe\u{301}"), .float(1)], [.text("😀😀"), .float(2)], [.text("日本"), .float(3)]]
        let output = try render(.table, columns: [text("t"), float("n")], rows: rows)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[2] == " cafe\u{301} | 1")
        #expect(lines[3] == " 😀😀 | 2")
        #expect(lines[4] == " 日本 | 3")
    }

    @Test func columnsShrinkToFitTheTerminalWithEllipsis() throws {
        let long = String(repeating: "x", count: 100)
        let rows: [[Value]] = [[.float(1), .text(long), .text("curto")]]
        let output = try render(.table, columns: [float("id"), text("descricao"), text("c")], rows: rows) { $0.terminalWidth = 40 }
        let lines = output.split(separator: "\n").map(String.init)
        for line in lines { #expect(DisplayWidth.of(line) <= 40) }
        #expect(lines[2] == "  1 | " + String(repeating: "x", count: 24) + "… | curto")
    }

    @Test func theWidestColumnsShrinkFirst() throws {
        let rows: [[Value]] = [[.text(String(repeating: "a", count: 30)), .text(String(repeating: "b", count: 30)), .text("small")]]
        let output = try render(.table, columns: [text("x"), text("y"), text("z")], rows: rows) { $0.terminalWidth = 50 }
        let cells = output.split(separator: "\n")[2].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells[2] == "small")
        #expect(cells[0].hasSuffix("…") && cells[1].hasSuffix("…"))
        #expect(abs(DisplayWidth.of(cells[0]) - DisplayWidth.of(cells[1])) <= 1)
    }

    @Test func truncationNeverSplitsAWideCharacter() throws {
        let rows: [[Value]] = [[.text(String(repeating: "日", count: 20))]]
        let output = try render(.table, columns: [text("t")], rows: rows) { $0.terminalWidth = 10 }
        let line = String(output.split(separator: "\n")[2])
        #expect(line.hasSuffix("…"))
        #expect(DisplayWidth.of(line) <= 10)
    }

    @Test func numbersAndTimesAreNeverCutToFitTheTerminal() throws {
        let rows: [[Value]] = [[.float(26_997_484_000_189), .text(String(repeating: "x", count: 40)), .timestamp(utcMillis(2018, 12, 1, 12))]]
        let output = try render(.table, columns: [float("cnpj"), text("nome"), timestamp("quando")], rows: rows, timeZone: saoPaulo) {
            $0.terminalWidth = 50
        }
        let line = String(output.split(separator: "\n")[2])
        #expect(line.contains("26997484000189"), "\(line)")
        #expect(line.contains("2018-12-01 10:00:00"), "\(line)")
        #expect(line.contains("…"), "the text column shrinks instead: \(line)")
    }

    @Test func fitsWithoutChangesWhenTheTerminalIsWideEnough() throws {
        let rows: [[Value]] = [[.text("Ana")]]
        let narrow = try render(.table, columns: [text("nome")], rows: rows) { $0.terminalWidth = 200 }
        let unlimited = try render(.table, columns: [text("nome")], rows: rows)
        #expect(narrow == unlimited)
    }

    @Test func typedValuesInTheSessionZone() throws {
        let rows: [[Value]] = [[.boolean(true), .timestamp(utcMillis(2018, 12, 1, 12)), .float(0.1)]]
        let output = try render(.table, columns: [boolean("ativo"), timestamp("quando"), float("v")], rows: rows, timeZone: saoPaulo)
        #expect(output.contains(" true  | 2018-12-01 10:00:00 | 0.1\n"))
    }

    @Test func writesNothingUntilFinishSoAFailedStatementPrintsNothing() throws {
        let sink = StringSink()
        let writer = Writers.make(OutputOptions(format: .table), sink: sink)
        try writer.begin(columns: [text("a")])
        try writer.write(batch: [[.text("x")]])
        #expect(sink.text.isEmpty)
        #expect(throws: OutputError.self) { try writer.write(batch: [[.text("x"), .text("extra")]]) }
        #expect(sink.text.isEmpty)
    }

    @Test func refusesToBufferPastTheLimit() throws {
        #expect(throws: OutputError.tooManyRowsForTable(limit: 2)) {
            try render(.table, columns: [float("n")], batches: [[[.float(1)], [.float(2)]], [[.float(3)]]]) { $0.maxRowsBuffered = 2 }
        }
    }
}

@Suite struct ColumnFitterTests {
    @Test func leavesWidthsThatFitAlone() {
        #expect(ColumnFitter.fit(natural: [3, 10, 5], budget: 30) == [3, 10, 5])
    }

    @Test func usesTheWholeBudgetAndCapsTheWidest() {
        let widths = ColumnFitter.fit(natural: [3, 50, 40], budget: 40)
        #expect(widths.reduce(0, +) == 40)
        #expect(widths[0] == 3)
        #expect(abs(widths[1] - widths[2]) <= 1)
    }

    @Test func shrinksDownToTheFloorAndNoFurther() {
        #expect(ColumnFitter.fit(natural: [20, 20, 2], budget: 10) == [4, 4, 2])
        // Below the floor nothing fits: the line is left whole rather than cut to nothing.
        #expect(ColumnFitter.fit(natural: [20, 20, 2], budget: 5) == [20, 20, 2])
    }

    @Test func columnsKeptWholeLeaveTheShrinkingToTheOthers() {
        #expect(ColumnFitter.fit(natural: [14, 30, 19], budget: 45, keepWhole: [true, false, true]) == [14, 12, 19])
        #expect(ColumnFitter.fit(natural: [14, 30, 19], budget: 37, keepWhole: [true, false, true]) == [14, 4, 19])
        // Kept columns alone past the budget: nothing is cut, and the line overflows as in psql.
        #expect(ColumnFitter.fit(natural: [14, 30, 19], budget: 20, keepWhole: [true, false, true]) == [14, 30, 19])
    }
}
