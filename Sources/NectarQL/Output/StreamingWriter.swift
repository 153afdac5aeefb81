import NectarCatalog

/// How a one-line-per-row format (CSV, TSV, markdown) writes what precedes the rows and each row.
protocol RowEncoding {
    /// What comes before the first row: the header, a byte order mark. `atStartOfOutput` says
    /// whether nothing has been written to the sink yet (a second statement into one file).
    func prologue(columns: [ResultColumn], headers: Bool, atStartOfOutput: Bool) -> [UInt8]
    func append(_ row: [Value], to out: inout [UInt8])
}

/// Writes each batch as it comes, holding nothing: the streaming half every row format shares.
final class StreamingWriter<Encoding: RowEncoding>: ResultWriter {
    private let encoding: Encoding
    private let headers: Bool
    private let sink: OutputSink
    private var columnCount = 0

    init(_ encoding: Encoding, headers: Bool, sink: OutputSink) {
        self.encoding = encoding
        self.headers = headers
        self.sink = sink
    }

    func begin(columns: [ResultColumn]) throws {
        columnCount = columns.count
        let atStart = (sink as? any ByteCountingSink)?.bytesWritten ?? 0 == 0
        let prologue = encoding.prologue(columns: columns, headers: headers, atStartOfOutput: atStart)
        if !prologue.isEmpty { try sink.write(prologue) }
        try sink.flush()
    }

    func write(batch: [[Value]]) throws {
        try checkRowWidths(batch, columnCount: columnCount)
        var out: [UInt8] = []
        out.reserveCapacity(batch.count * columnCount * 12)
        for row in batch { encoding.append(row, to: &out) }
        try sink.write(out)
        try sink.flush()
    }

    func finish() throws {
        try sink.flush()
    }
}
