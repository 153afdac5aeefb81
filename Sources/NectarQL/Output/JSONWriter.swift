import NectarCatalog

/// JSON with real types, streamed: an array of objects (`[` at begin, `]` at finish) or, for
/// jsonl, one object per line. Keys follow column order; duplicate names are kept as given
/// (JSON permits them; most parsers keep the last). NaN and infinities, which JSON cannot
/// express, become null. Timestamps are ISO 8601 with the session zone's offset.
final class JSONWriter: ResultWriter {
    private let oneObjectPerLine: Bool
    private let converter: LocalTimeConverter
    private let sink: OutputSink
    private var encodedKeys: [[UInt8]] = []
    private var rowsWritten = 0

    init(oneObjectPerLine: Bool, converter: LocalTimeConverter, sink: OutputSink) {
        self.oneObjectPerLine = oneObjectPerLine
        self.converter = converter
        self.sink = sink
    }

    func begin(columns: [ResultColumn]) throws {
        encodedKeys = columns.map { column in
            var key: [UInt8] = []
            JSONText.appendString(column.name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        rowsWritten = 0
        if !oneObjectPerLine { try sink.write([UInt8(ascii: "[")]) }
    }

    func write(batch: [[Value]]) throws {
        try checkRowWidths(batch, columnCount: encodedKeys.count)
        var out: [UInt8] = []
        for row in batch {
            if !oneObjectPerLine { out.append(contentsOf: (rowsWritten == 0 ? "\n" : ",\n").utf8) }
            appendObject(row, to: &out)
            if oneObjectPerLine { out.append(0x0A) }
            rowsWritten += 1
        }
        try sink.write(out)
        try sink.flush()
    }

    func finish() throws {
        if !oneObjectPerLine { try sink.write(Array((rowsWritten == 0 ? "]\n" : "\n]\n").utf8)) }
        try sink.flush()
    }

    private func appendObject(_ row: [Value], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, value) in row.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: encodedKeys[index])
            appendValue(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private func appendValue(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .float(let number) where !number.isFinite:
            // JSON has no literal for them: a string with the text CSV writes, as PostgreSQL's
            // to_json does, so the value is neither lost nor mistaken for NULL.
            out.append(UInt8(ascii: "\""))
            NumberText.append(number, decimalSeparator: UInt8(ascii: "."), to: &out)
            out.append(UInt8(ascii: "\""))
        case .float(let number):
            NumberText.append(number, decimalSeparator: UInt8(ascii: "."), to: &out)
        case .boolean(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .text(let string):
            JSONText.appendString(string, to: &out)
        case .timestamp(let millis):
            out.append(UInt8(ascii: "\""))
            ValueFormatter.appendISO8601(millis, in: converter, to: &out)
            out.append(UInt8(ascii: "\""))
        }
    }
}
