import CXlsxWriter
import Foundation
import NectarCatalog
import Testing
import WorkbookReading
@testable import NectarOutput

/// Past a sheet's rows the statement fails, and no workbook with a cut-off sheet is written.
@Suite struct WorkbookLimitTests {
    @Test func theDefaultLimitIsExcels() {
        #expect(Workbook.excelRowLimit == 1_048_576)
        #expect(Workbook.excelRowLimit == Int(LXW_ROW_MAX))
        #expect(Workbook.excelColumnLimit == Int(LXW_COL_MAX))
    }

    @Test func aResultThatFillsTheSheetExactlyIsWritten() throws {
        let scratch = try ScratchDirectory()
        // Five rows: the header and four data rows.
        let rows: [[Value]] = (1...4).map { [.float(Double($0))] }
        let book = try writeWorkbook([SheetResult(name: "n", columns: [float("n")], rows: rows)], to: scratch.file("r.xlsx"), rowLimit: 5)
        #expect(try book.sheet(0).cell("A5")?.value == "4")
    }

    @Test func oneRowMoreFailsTheStatementAndNoWorkbookIsWritten() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("r.xlsx")
        let workbook = try Workbook(destination: .file(path: path), rowLimit: 5)
        let writer = workbook.sheetWriter(named: "n", options: OutputOptions(format: .xlsx))
        try writer.begin(columns: [float("n")])
        try writer.write(batch: (1...3).map { [.float(Double($0))] })
        #expect(throws: OutputError.tooManyRowsForSheet(limit: 5)) {
            try writer.write(batch: (4...6).map { [.float(Double($0))] })
        }
        #expect(throws: OutputError.workbookIncomplete(path: path, sheet: "n")) { try workbook.close() }
        #expect(scratch.contents.isEmpty, "neither the workbook nor its temporary file is left")
    }

    @Test func theRowLimitErrorSaysWhatToDo() {
        let message = OutputError.tooManyRowsForSheet(limit: Workbook.excelRowLimit).description
        #expect(message.contains("1048576"))
        #expect(message.contains("nothing was cut off"))
        #expect(message.contains("--format csv"))
    }

    /// A statement that failed midway spoils the workbook even when later sheets succeed.
    @Test func aSheetLeftUnfinishedKeepsTheWholeWorkbookUnwritten() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("r.xlsx")
        let previous = Data("previous report".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: previous)
        let workbook = try Workbook(destination: .file(path: path))
        let failed = workbook.sheetWriter(named: "falhou", options: OutputOptions(format: .xlsx))
        try failed.begin(columns: [float("n")])
        try failed.write(batch: [[.float(1)]])
        let next = workbook.sheetWriter(named: "ok", options: OutputOptions(format: .xlsx))
        try next.begin(columns: [float("n")])
        try next.finish()
        #expect(throws: OutputError.workbookIncomplete(path: path, sheet: "falhou")) { try workbook.close() }
        #expect(FileManager.default.contents(atPath: path) == previous, "the old file is left as it was")
    }

    @Test func aWorkbookWithoutSheetsWritesNothing() throws {
        let scratch = try ScratchDirectory()
        try Workbook(destination: .file(path: scratch.file("r.xlsx"))).close()
        #expect(scratch.contents.isEmpty)
    }

    @Test func anUnwritableDirectoryIsReportedAtOnce() {
        #expect(throws: OutputError.self) { try Workbook(destination: .file(path: "/nonexistent-dir/r.xlsx")) }
    }

    @Test func textLongerThanACellHoldsFailsWithThePlace() throws {
        let scratch = try ScratchDirectory()
        let workbook = try Workbook(destination: .file(path: scratch.file("r.xlsx")))
        let writer = workbook.sheetWriter(named: nil, options: OutputOptions(format: .xlsx))
        try writer.begin(columns: [text("obs")])
        #expect(throws: OutputError.textTooLongForCell(row: 2, column: "obs", characters: 40_000)) {
            try writer.write(batch: [[.text("ok")], [.text(String(repeating: "a", count: 40_000))]])
        }
    }
}
