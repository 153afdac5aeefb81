import NectarCatalog

/// sqlite3's line mode: each value on its own line as `name = value`, names right-aligned to
/// the longest (at least 5 cells, as sqlite3 does), a blank line between rows. NULL shows as
/// `NULL` (dimmed on a terminal), so it differs from an empty text; text is written as is.
final class LineWriter: ResultWriter {
    private let converter: LocalTimeConverter
    private let sink: OutputSink
    private let nullMarker: [UInt8]
    private var paddedNames: [[UInt8]] = []
    private var rowsWritten = 0

    init(converter: LocalTimeConverter, sink: OutputSink, terminalStyles: Bool) {
        self.converter = converter
        self.sink = sink
        self.nullMarker = NullMarker.bytes(styled: terminalStyles)
    }

    func begin(columns: [ResultColumn]) throws {
        let width = max(5, columns.map { DisplayWidth.of($0.name) }.max() ?? 0)
        paddedNames = columns.map { column in
            let padding = width - DisplayWidth.of(column.name)
            return Array(repeating: UInt8(ascii: " "), count: padding) + Array(column.name.utf8) + Array(" = ".utf8)
        }
        rowsWritten = 0
    }

    func write(batch: [[Value]]) throws {
        try checkRowWidths(batch, columnCount: paddedNames.count)
        var out: [UInt8] = []
        for row in batch {
            if rowsWritten > 0 { out.append(0x0A) }
            for (index, value) in row.enumerated() {
                out.append(contentsOf: paddedNames[index])
                if case .null = value {
                    out.append(contentsOf: nullMarker)
                } else {
                    ValueFormatter.appendPlain(value, in: converter, decimalSeparator: UInt8(ascii: "."), to: &out)
                }
                out.append(0x0A)
            }
            rowsWritten += 1
        }
        try sink.write(out)
        try sink.flush()
    }

    func finish() throws {
        try sink.flush()
    }
}
