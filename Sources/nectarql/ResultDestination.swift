import NectarOutput
import NectarQL

/// Where one result goes: a stream of text (a terminal, a file, a pipe), or a sheet of a workbook.
enum ResultDestination {
    case stream(OutputSink)
    case workbook(Workbook)

    /// A file name ending in `.xlsx` (any case) asks for a workbook whatever the mode.
    static func namesWorkbook(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".xlsx")
    }

    /// The writer for one statement's result; `sheetName` names its sheet in a workbook.
    func writer(_ options: OutputOptions, sheetName: String?) -> any ResultWriter {
        switch self {
        case .stream(let sink): Writers.make(options, sink: sink)
        case .workbook(let workbook): workbook.sheetWriter(named: sheetName, options: options)
        }
    }

    func flush() throws {
        if case .stream(let sink) = self { try sink.flush() }
    }

    /// Writes a workbook out; a text file needs nothing more.
    func close() throws {
        switch self {
        case .stream(let sink): try sink.flush()
        case .workbook(let workbook): try workbook.close()
        }
    }
}

/// Output the shell will not produce, with what to do instead.
enum OutputRefusal: Error, CustomStringConvertible {
    case xlsxToTerminal
    case xlsxIntoTextFile
    /// Standard output already holds text results: a workbook after them would open as neither.
    case xlsxAfterText
    /// Standard output is the session's workbook: text results cannot share it.
    case textAfterWorkbook

    var description: String {
        switch self {
        case .xlsxToTerminal:
            "xlsx is a binary workbook and standard output is a terminal; write it to a file with -o report.xlsx "
                + "(in the shell: .once report.xlsx or .output report.xlsx)"
        case .xlsxIntoTextFile:
            "xlsx needs a workbook of its own; name one with .output report.xlsx (the .xlsx ending chooses the format)"
        case .xlsxAfterText:
            "standard output already holds text results, so a workbook cannot follow them there; "
                + "write it to a file of its own with .once report.xlsx or .output report.xlsx"
        case .textAfterWorkbook:
            "standard output is this session's xlsx workbook, so text results cannot go there too; "
                + "write them to a file with .once or .output, or keep .mode xlsx"
        }
    }
}
