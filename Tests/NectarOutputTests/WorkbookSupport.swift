import Foundation
import NectarCatalog
import WorkbookReading
@testable import NectarOutput

/// A directory of its own for one test's workbooks, removed when the test is done with it.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("nectarql-xlsx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}

/// One statement's result for a workbook: a sheet name and its rows.
struct SheetResult {
    var name: String?
    var columns: [ResultColumn]
    var rows: [[Value]]
}

/// Writes the results as sheets of one workbook at `path` and reads it back.
@discardableResult
func writeWorkbook(
    _ sheets: [SheetResult], to path: String, timeZone: TimeZone = saoPaulo, rowLimit: Int = Workbook.excelRowLimit,
    adjust: (inout OutputOptions) -> Void = { _ in }
) throws -> WorkbookFile {
    var options = OutputOptions(format: .xlsx, timeZone: timeZone)
    adjust(&options)
    let workbook = try Workbook(destination: .file(path: path), rowLimit: rowLimit)
    for sheet in sheets {
        let writer = workbook.sheetWriter(named: sheet.name, options: options)
        try writer.begin(columns: sheet.columns)
        try writer.write(batch: sheet.rows)
        try writer.finish()
    }
    try workbook.close()
    return try WorkbookFile(path: path)
}
