import NectarCatalog

/// Tab-separated values, streamed. A value's tab, LF, CR and backslash are written `\t`, `\n`,
/// `\r` and `\\` so every record stays one line with a fixed field count; NULL and the empty
/// string are both an empty field.
final class TSVWriter: ResultWriter {
    private let headers: Bool
    private let converter: LocalTimeConverter
    private let sink: OutputSink
    private var columnCount = 0

    init(headers: Bool, converter: LocalTimeConverter, sink: OutputSink) {
        self.headers = headers
        self.converter = converter
        self.sink = sink
    }

    func begin(columns: [ResultColumn]) throws {
        columnCount = columns.count
        guard headers else { return }
        var out: [UInt8] = []
        appendRecord(columns.map { .text($0.name) }, to: &out)
        try sink.write(out)
        try sink.flush()
    }

    func write(batch: [[Value]]) throws {
        try checkRowWidths(batch, columnCount: columnCount)
        var out: [UInt8] = []
        for row in batch { appendRecord(row, to: &out) }
        try sink.write(out)
        try sink.flush()
    }

    func finish() throws {
        try sink.flush()
    }

    private func appendRecord(_ row: [Value], to out: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { out.append(0x09) }
            if case .text(let string) = value {
                appendEscaped(string, to: &out)
            } else {
                ValueFormatter.appendPlain(value, in: converter, decimalSeparator: UInt8(ascii: "."), to: &out)
            }
        }
        out.append(0x0A)
    }

    private func appendEscaped(_ string: String, to out: inout [UInt8]) {
        for byte in string.utf8 {
            switch byte {
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            default: out.append(byte)
            }
        }
    }
}
