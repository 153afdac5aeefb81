import NectarCatalog

/// Writes one statement's result: the columns once, then batches of rows, then the end.
///
/// Streaming formats write each batch as it comes; table mode writes nothing until `finish`,
/// so a statement that fails midway prints nothing at all.
public protocol ResultWriter {
    func begin(columns: [ResultColumn]) throws
    func write(batch: [[Value]]) throws
    func finish() throws
}

/// Picks the writer for a format.
public enum Writers {
    public static func make(_ options: OutputOptions, sink: OutputSink) -> any ResultWriter {
        let converter = LocalTimeConverter(timeZone: options.timeZone)
        switch options.format {
        case .table:
            return TableWriter(options: options, converter: converter, sink: sink)
        case .csv:
            let dialect: CSVDialect = options.excel ? .brazilianSpreadsheet : .rfc4180
            return StreamingWriter(CSVEncoding(dialect: dialect, converter: converter), headers: options.headers, sink: sink)
        case .tsv:
            return StreamingWriter(TSVEncoding(converter: converter), headers: options.headers, sink: sink)
        case .json:
            return JSONWriter(oneObjectPerLine: false, converter: converter, sink: sink)
        case .jsonl:
            return JSONWriter(oneObjectPerLine: true, converter: converter, sink: sink)
        case .markdown:
            return StreamingWriter(MarkdownEncoding(converter: converter), headers: options.headers, sink: sink)
        case .line:
            return LineWriter(converter: converter, sink: sink, terminalStyles: options.terminalStyles)
        case .xlsx:
            return SingleSheetWorkbookWriter(options: options, sink: sink)
        case .bar:
            return BarChartWriter(options: options, converter: converter, sink: sink)
        }
    }
}

/// Every row must have one value per column; a mismatch is an engine bug worth naming.
func checkRowWidths(_ batch: [[Value]], columnCount: Int) throws {
    for row in batch where row.count != columnCount {
        throw OutputError.rowWidthMismatch(expected: columnCount, got: row.count)
    }
}
