/// Why a result could not be written; each message names the problem and what to do.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    case tooManyRowsForTable(limit: Int)
    case rowWidthMismatch(expected: Int, got: Int)
    case cannotOpen(path: String, reason: String)
    case writeFailed(reason: String)
    /// The reader of a pipe went away (EPIPE), e.g. `| head -1` has read what it wanted.
    case readerClosed
    /// The sink was asked to stop (Ctrl-C) before every byte was out.
    case stopped
    case tooManyRowsForSheet(limit: Int)
    case tooManyColumnsForSheet(count: Int, limit: Int)
    case textTooLongForCell(row: Int, column: String, characters: Int)
    case workbookFailed(path: String, reason: String)
    case workbookIncomplete(path: String, sheet: String)
    case nothingToChart

    public var description: String {
        switch self {
        case .tooManyRowsForTable(let limit):
            "table output holds every row to size its columns and the result passed \(limit) rows; "
                + "add a LIMIT or switch to a streaming format (.mode csv)"
        case .rowWidthMismatch(let expected, let got):
            "a result row has \(got) values but the result has \(expected) columns; "
                + "this is a bug in the engine, please report it"
        case .cannotOpen(let path, let reason):
            "cannot open output file '\(path)': \(reason); check the path and its permissions"
        case .writeFailed(let reason):
            "cannot write the output: \(reason); check the free space and the target"
        case .readerClosed:
            "the program reading the output closed it"
        case .stopped:
            "the output was stopped before its end"
        case .tooManyRowsForSheet(let limit):
            "the result has more rows than an Excel sheet holds (\(limit) rows, the header included); nothing was cut off "
                + "and the workbook is not written: narrow the statement with where or limit, or write CSV (--format csv)"
        case .tooManyColumnsForSheet(let count, let limit):
            "the result has \(count) columns, more than an Excel sheet holds (\(limit)); select fewer columns"
        case .textTooLongForCell(let row, let column, let characters):
            "result row \(row), column '\(column)' holds \(characters) characters, more than an Excel cell holds (32767); "
                + "select a shorter expression (substr) or write CSV (--format csv)"
        case .workbookFailed(let path, let reason):
            "cannot write the workbook '\(path)': \(reason); check the path, its permissions and the free space"
        case .workbookIncomplete(let path, let sheet):
            "the workbook '\(path)' was not written: the statement of sheet '\(sheet)' failed after its first rows, "
                + "and a workbook is saved only when every sheet is complete; fix the statement and run it again"
        case .nothingToChart:
            "a bar chart needs a numeric column to size its bars; select a count, sum or other number (or use .mode table)"
        }
    }
}
