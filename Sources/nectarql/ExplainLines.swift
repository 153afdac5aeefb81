import NectarQL
import NectarSyntax

/// `explain` in CSV or TSV mode: the plan as plain lines, as a person reads it, rather than
/// one quoted CSV field per line under a `plan` header.
final class ExplainLines: ResultWriter {
    private let sink: OutputSink

    init(sink: OutputSink) {
        self.sink = sink
    }

    static func wanted(for statement: Statement, format: OutputFormat) -> Bool {
        guard case .explain = statement else { return false }
        return format == .csv || format == .tsv
    }

    func begin(columns: [ResultColumn]) throws {}

    func write(batch: [[Value]]) throws {
        let lines = batch.map { row in row.map { value in
            if case .text(let line) = value { line } else { "" }
        }.joined(separator: " ") + "\n" }
        try sink.write(lines.joined())
        try sink.flush()
    }

    func finish() throws {
        try sink.flush()
    }
}
