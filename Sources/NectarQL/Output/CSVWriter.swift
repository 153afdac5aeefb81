import NectarCatalog

/// RFC 4180 CSV (or its pt-BR spreadsheet dialect), streamed a batch at a time.
///
/// NULL is an empty field and the empty string is `""`, so the two stay distinguishable.
/// Text is written byte for byte (only quoted when it must be); the spreadsheet dialect's
/// formula guard is the one deliberate exception.
final class CSVWriter: ResultWriter {
    private let dialect: CSVDialect
    private let headers: Bool
    private let converter: LocalTimeConverter
    private let sink: OutputSink
    private var columnCount = 0

    init(dialect: CSVDialect, headers: Bool, converter: LocalTimeConverter, sink: OutputSink) {
        self.dialect = dialect
        self.headers = headers
        self.converter = converter
        self.sink = sink
    }

    func begin(columns: [ResultColumn]) throws {
        columnCount = columns.count
        var out: [UInt8] = dialect.startsWithByteOrderMark && sinkIsAtStart ? CSVDialect.byteOrderMark : []
        if headers {
            appendRecord(columns.map { .text($0.name) }, to: &out)
        }
        try sink.write(out)
        try sink.flush()
    }

    func write(batch: [[Value]]) throws {
        try checkRowWidths(batch, columnCount: columnCount)
        var out: [UInt8] = []
        out.reserveCapacity(batch.count * columnCount * 12)
        for row in batch { appendRecord(row, to: &out) }
        try sink.write(out)
        try sink.flush()
    }

    func finish() throws {
        try sink.flush()
    }

    /// A second statement sent to the same file must not put a byte order mark mid-file.
    private var sinkIsAtStart: Bool {
        (sink as? any ByteCountingSink)?.bytesWritten ?? 0 == 0
    }

    private func appendRecord(_ row: [Value], to out: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { out.append(dialect.separator) }
            appendField(value, to: &out)
        }
        out.append(contentsOf: dialect.lineEnding)
    }

    private func appendField(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .null:
            break
        case .text(let string):
            appendText(string, to: &out)
        default:
            // Numbers, booleans and timestamps never contain a quote or line break, but the
            // decimal comma meets a `,` separator nowhere and `;` never appears in them.
            ValueFormatter.appendPlain(value, in: converter, decimalSeparator: dialect.decimalSeparator, to: &out)
        }
    }

    /// Scans the UTF-8 view in place: no copy of the text unless it must be quoted.
    private func appendText(_ string: String, to out: inout [UInt8]) {
        let utf8 = string.utf8
        let guarded = dialect.guardsFormulas && utf8.first.map { CSVDialect.formulaStarters.contains($0) } == true
        let quoted = (utf8.isEmpty && !guarded) || utf8.contains(where: needsQuoting)
        if quoted { out.append(UInt8(ascii: "\"")) }
        if guarded { out.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: utf8)
        }
    }

    private func needsQuoting(_ byte: UInt8) -> Bool {
        byte == dialect.separator || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }
}
