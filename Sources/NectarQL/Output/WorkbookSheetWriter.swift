import CXlsxWriter
import NectarCatalog

/// Writes one statement's result as a worksheet: a bold header row frozen above the data, an
/// autofilter over it, typed cells (see `ExcelCell`), and column widths fitted to the content.
final class WorkbookSheetWriter: ResultWriter {
    /// Wider than this and a column is hard to read beside the others; the text is all there.
    static let widthCap = 60
    /// Room for the autofilter's drop-down button beside a header name.
    static let filterButtonWidth = 3

    private let workbook: Workbook
    private let proposedName: String?
    private let headers: Bool
    private let converter: LocalTimeConverter
    private var cell: ExcelCell?
    private var columns: [ResultColumn] = []
    private var widths: [Int] = []
    private var nextRow = 0

    init(workbook: Workbook, proposedName: String?, options: OutputOptions) {
        self.workbook = workbook
        self.proposedName = proposedName
        self.headers = options.headers
        self.converter = LocalTimeConverter(timeZone: options.timeZone)
    }

    func begin(columns: [ResultColumn]) throws {
        guard columns.count <= Workbook.excelColumnLimit else {
            throw OutputError.tooManyColumnsForSheet(count: columns.count, limit: Workbook.excelColumnLimit)
        }
        self.columns = columns
        let cell = ExcelCell(sheet: try workbook.addSheet(named: proposedName), formats: workbook.formats, converter: converter)
        self.cell = cell
        widths = Array(repeating: 0, count: columns.count)
        guard headers else { return }
        for (index, column) in columns.enumerated() {
            widths[index] = try cell.writeHeader(column.name, column: index) + Self.filterButtonWidth
        }
        worksheet_freeze_panes(cell.sheet, 1, 0)
        nextRow = 1
    }

    func write(batch: [[Value]]) throws {
        guard let cell else { return }
        try checkOpen()
        try checkRowWidths(batch, columnCount: columns.count)
        for row in batch {
            guard nextRow < workbook.rowLimit else { throw OutputError.tooManyRowsForSheet(limit: workbook.rowLimit) }
            for (index, value) in row.enumerated() {
                let width: Int
                do {
                    width = try cell.write(value, row: nextRow, column: index)
                } catch let tooLong as ExcelCell.CellTooLong {
                    throw OutputError.textTooLongForCell(row: headers ? nextRow : nextRow + 1, column: columns[index].name, characters: tooLong.characters)
                }
                if width > widths[index] { widths[index] = width }
            }
            nextRow += 1
        }
    }

    func finish() throws {
        guard let cell else { return }
        try checkOpen()
        if headers && !columns.isEmpty {
            worksheet_autofilter(cell.sheet, 0, 0, lxw_row_t(nextRow - 1), lxw_col_t(columns.count - 1))
        }
        for (index, width) in widths.enumerated() {
            worksheet_set_column(cell.sheet, lxw_col_t(index), lxw_col_t(index), Double(min(width + 1, Self.widthCap)), nil)
        }
        workbook.sheetFinished()
    }

    private func checkOpen() throws {
        guard workbook.isOpen else { throw CancellationError() }
    }
}
