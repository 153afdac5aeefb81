import NectarCatalog

/// `Writers.make(.xlsx, sink:)`: one result as a one-sheet workbook, copied into the sink when
/// the result ends (a workbook is a zip file, assembled before any byte of it can be sent).
final class SingleSheetWorkbookWriter: ResultWriter {
    private let options: OutputOptions
    private let sink: OutputSink
    private var workbook: Workbook?
    private var sheet: (any ResultWriter)?

    init(options: OutputOptions, sink: OutputSink) {
        self.options = options
        self.sink = sink
    }

    func begin(columns: [ResultColumn]) throws {
        let workbook = try Workbook(destination: .sink(sink))
        let sheet = workbook.sheetWriter(named: nil, options: options)
        try sheet.begin(columns: columns)
        self.workbook = workbook
        self.sheet = sheet
    }

    func write(batch: [[Value]]) throws {
        try sheet?.write(batch: batch)
    }

    func finish() throws {
        try sheet?.finish()
        try workbook?.close()
    }
}
