import CXlsxWriter
import Foundation
import NectarCatalog
import Testing
import WorkbookReading
@testable import NectarOutput

/// The workbook an analyst opens: typed cells, a bold frozen header, an autofilter, fitted
/// columns, and text that can never become a formula.
@Suite struct WorkbookWriterTests {
    static let columns = [text("nome"), float("valor"), timestamp("criado"), boolean("ativo")]
    static let rows: [[Value]] = [
        [.text("Ana"), .float(42), .timestamp(utcMillis(2024, 3, 5, 17, 30)), .boolean(true)],
        [.text("Bárbara"), .float(1234.5), .null, .boolean(false)],
        [.null, .float(-0.25), .timestamp(utcMillis(2024, 1, 1, 3)), .null],
    ]

    @Test func cellsKeepTheirTypes() throws {
        let scratch = try ScratchDirectory()
        let book = try writeWorkbook([SheetResult(name: "dados", columns: Self.columns, rows: Self.rows)], to: scratch.file("r.xlsx"))
        let sheet = try book.sheet(0)
        #expect(sheet.cell("A2")?.type == "inlineStr")
        #expect(sheet.cell("A2")?.value == "Ana")
        #expect(sheet.cell("A3")?.value == "Bárbara")
        #expect(sheet.cell("B2")?.type == nil)
        #expect(sheet.cell("B2")?.value == "42")
        #expect(sheet.cell("B3")?.value == "1234.5")
        #expect(sheet.cell("D2")?.type == "b")
        #expect(sheet.cell("D2")?.value == "1")
        #expect(sheet.cell("D3")?.value == "0")
    }

    @Test func integralNumbersGetAnIntegerFormatAndOthersTwoDecimals() throws {
        let scratch = try ScratchDirectory()
        let book = try writeWorkbook([SheetResult(name: nil, columns: Self.columns, rows: Self.rows)], to: scratch.file("r.xlsx"))
        let sheet = try book.sheet(0)
        #expect(book.numberFormat(style: sheet.cell("B2")!.style) == "0")
        #expect(book.numberFormat(style: sheet.cell("B3")!.style) == "0.00")
        #expect(book.numberFormat(style: sheet.cell("B4")!.style) == "0.00")
    }

    /// 17:30 UTC is 14:30 in São Paulo (UTC−3): Excel's serial day 45356 plus 14.5 hours.
    @Test func timestampsAreExcelDateTimesOnTheSessionClock() throws {
        let scratch = try ScratchDirectory()
        let book = try writeWorkbook([SheetResult(name: nil, columns: Self.columns, rows: Self.rows)], to: scratch.file("r.xlsx"))
        let cell = try #require(try book.sheet(0).cell("C2"))
        #expect(cell.type == nil)
        let serial = try #require(Double(cell.value))
        #expect(abs(serial - (45356 + 14.5 / 24)) < 1e-9)
        #expect(book.numberFormat(style: cell.style) == "dd/mm/yyyy hh:mm")
        let utcBook = try writeWorkbook([SheetResult(name: nil, columns: Self.columns, rows: Self.rows)], to: scratch.file("u.xlsx"), timeZone: utc)
        #expect(try utcBook.sheet(0).cell("C2").flatMap { Double($0.value) }.map { abs($0 - (45356 + 17.5 / 24)) < 1e-9 } == true)
    }

    @Test func nullIsAnEmptyCell() throws {
        let scratch = try ScratchDirectory()
        let sheet = try writeWorkbook([SheetResult(name: nil, columns: Self.columns, rows: Self.rows)], to: scratch.file("r.xlsx")).sheet(0)
        #expect(sheet.cell("C3") == nil)
        #expect(sheet.cell("A4") == nil)
        #expect(sheet.cell("D4") == nil)
    }

    @Test func headerIsBoldAndFrozenWithAnAutofilterOverTheData() throws {
        let scratch = try ScratchDirectory()
        let book = try writeWorkbook([SheetResult(name: nil, columns: Self.columns, rows: Self.rows)], to: scratch.file("r.xlsx"))
        let sheet = try book.sheet(0)
        #expect(sheet.cell("A1")?.value == "nome")
        #expect(sheet.cell("D1")?.value == "ativo")
        #expect(book.isBold(style: sheet.cell("A1")!.style))
        #expect(!book.isBold(style: sheet.cell("A2")!.style))
        #expect(sheet.frozenRows == 1)
        #expect(sheet.autoFilter == "A1:D4")
    }

    @Test func withoutHeaderThereIsNoFrozenRowNorFilter() throws {
        let scratch = try ScratchDirectory()
        let sheet = try writeWorkbook([SheetResult(name: nil, columns: Self.columns, rows: Self.rows)], to: scratch.file("r.xlsx")) {
            $0.headers = false
        }.sheet(0)
        #expect(sheet.cell("A1")?.value == "Ana")
        #expect(sheet.frozenRows == nil)
        #expect(sheet.autoFilter == nil)
    }

    @Test func columnWidthsFitTheContentUpToACap() throws {
        let scratch = try ScratchDirectory()
        let rows: [[Value]] = [[.text("Ana"), .text(String(repeating: "x", count: 500)), .timestamp(0)]]
        let sheet = try writeWorkbook(
            [SheetResult(name: nil, columns: [text("nome_do_cliente"), text("observacao"), timestamp("t")], rows: rows)],
            to: scratch.file("r.xlsx")
        ).sheet(0)
        let widths = sheet.columnWidths
        // The header and its filter button decide the first; the second is capped; the third fits dd/mm/yyyy hh:mm.
        #expect(try #require(widths[1]) >= Double("nome_do_cliente".count + 3))
        #expect(try #require(widths[1]) < 25)
        #expect(try #require(widths[2]) <= Double(WorkbookSheetWriter.widthCap) + 1)
        #expect(try #require(widths[3]) >= 16)
    }

    /// A CRM record cannot smuggle a formula in: text is always a string cell.
    @Test func textThatLooksLikeAFormulaStaysText() throws {
        let hostile = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "=1+1"]
        let scratch = try ScratchDirectory()
        let sheet = try writeWorkbook(
            [SheetResult(name: nil, columns: [text("nome")], rows: hostile.map { [.text($0)] })], to: scratch.file("r.xlsx")
        ).sheet(0)
        for (index, text) in hostile.enumerated() {
            let cell = try #require(sheet.cell("A\(index + 2)"))
            #expect(cell.type == "inlineStr")
            #expect(cell.value == text)
            #expect(!cell.hasFormula)
        }
        #expect(sheet.formulaCount == 0)
    }

    @Test func numbersExcelCannotHoldAreWrittenAsText() throws {
        let scratch = try ScratchDirectory()
        let sheet = try writeWorkbook(
            [SheetResult(name: nil, columns: [float("x")], rows: [[.float(.nan)], [.float(.infinity)]])], to: scratch.file("r.xlsx")
        ).sheet(0)
        #expect(sheet.cell("A2")?.type == "inlineStr")
        #expect(sheet.cell("A2")?.value == "NaN")
        #expect(sheet.cell("A3")?.value == "Infinity")
    }

    @Test func theFileAppearsOnlyWhenTheWorkbookIsClosed() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("r.xlsx")
        let workbook = try Workbook(destination: .file(path: path))
        let writer = workbook.sheetWriter(named: "a", options: OutputOptions(format: .xlsx))
        try writer.begin(columns: [float("n")])
        try writer.write(batch: [[.float(1)]])
        try writer.finish()
        #expect(!FileManager.default.fileExists(atPath: path))
        try workbook.close()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(scratch.contents == ["r.xlsx"], "the temporary file is gone")
    }

    @Test func aOneSheetWorkbookCanBeWrittenIntoAnySink() throws {
        let sink = StringSink()
        let writer = Writers.make(OutputOptions(format: .xlsx), sink: sink)
        try writer.begin(columns: [text("nome")])
        try writer.write(batch: [[.text("Ana")]])
        try writer.finish()
        let scratch = try ScratchDirectory()
        let path = scratch.file("copy.xlsx")
        _ = FileManager.default.createFile(atPath: path, contents: Data(sink.bytes))
        let book = try WorkbookFile(path: path)
        #expect(book.sheetNames == ["Sheet"])
        #expect(try book.sheet(0).cell("A2")?.value == "Ana")
    }
}
