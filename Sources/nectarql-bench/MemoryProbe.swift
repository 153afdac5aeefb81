import NectarMock
import NectarQL

/// The child side of the memory measurement: one `select * from contatos` written as CSV into a
/// sink that discards it, in a fresh process, then the process's peak RSS (`VmHWM`) on one line.
struct MemoryProbe {
    static let statement = "select * from contatos"

    /// The fields of the line the probe prints, which the parent parses.
    struct Report: Equatable {
        var rows: Int
        /// Bytes of CSV, or of the xlsx file.
        var outputBytes: Int
        var baselineBytes: Int
        var peakBytes: Int

        var line: String {
            "memory-probe rows=\(rows) output_bytes=\(outputBytes) baseline_rss=\(baselineBytes) peak_rss=\(peakBytes)"
        }

        init(rows: Int, outputBytes: Int, baselineBytes: Int, peakBytes: Int) {
            self.rows = rows
            self.outputBytes = outputBytes
            self.baselineBytes = baselineBytes
            self.peakBytes = peakBytes
        }

        /// Reads the probe's line out of its whole output; nil when it is missing.
        init?(output: String) {
            guard let fields = ProbeLine.fields("memory-probe", in: output)?.compactMapValues(Int.init) else { return nil }
            guard let rows = fields["rows"], let output = fields["output_bytes"], let baseline = fields["baseline_rss"],
                let peak = fields["peak_rss"]
            else { return nil }
            self.init(rows: rows, outputBytes: output, baselineBytes: baseline, peakBytes: peak)
        }
    }

    let apiURL: String
    let cacheEnabled: Bool
    /// Write this many rows as an xlsx workbook instead of the result once as CSV.
    var workbookRows: Int? = nil

    func run() async throws -> Report {
        let baseline = ProcessMemory.currentBytes ?? 0
        var configuration = Strategy.planned(concurrency: EngineConfiguration(token: "").concurrency)
            .configuration(apiURL: apiURL, token: FakeAPI.token)
        if cacheEnabled { configuration.cacheTTL = EngineConfiguration(token: "").cacheTTL }
        return try await Engine.using(configuration) { engine in
            if let workbookRows { return try await writeWorkbook(engine, rows: workbookRows, baseline: baseline) }
            return try await write(engine, baseline: baseline)
        }
    }

    private func write(_ engine: Engine, baseline: Int) async throws -> Report {
        let sink = DiscardingSink()
        let writer = Writers.make(OutputOptions(format: .csv), sink: sink)
        let result = try await engine.execute(Self.statement)
        try writer.begin(columns: result.columns)
        var rows = 0
        for try await batch in result.batches {
            try writer.write(batch: batch)
            rows += batch.count
        }
        try writer.finish()
        return Report(rows: rows, outputBytes: sink.bytesWritten, baselineBytes: baseline, peakBytes: ProcessMemory.peakBytes ?? 0)
    }
}
