import Foundation

/// The side-by-side table in markdown: the planner's figures, the naive strategy's, their ratio
/// and the targets next to the figures they judge.
enum ComparisonTable {
    static let header = [
        "query", "requests", "minimum", "target ≤", "ok", "naive requests", "naive ÷ planned",
        "KB received", "ms", "target ms ≤", "ok", "round-trip floor ms", "naive ms", "naive ÷ planned", "result rows", "scanned rows/s", "peak RSS MB (+ growth)",
    ]

    static func render(_ rows: [ComparisonRow]) -> String {
        var lines = [line(header), line(header.map { _ in "---" })]
        lines += rows.map { line(cells($0)) }
        return lines.joined(separator: "\n")
    }

    static func cells(_ row: ComparisonRow) -> [String] {
        let planned = row.planned, naive = row.naive
        return [
            row.query.name,
            "\(planned.requests)", "\(row.query.budget.minimum)", "\(row.query.budget.allowed)", mark(row.meetsRequestTarget),
            "\(naive.requests)", ratio(Double(naive.requests), Double(planned.requests)),
            Format.kilobytes(planned.bytes),
            Format.milliseconds(planned.seconds), row.timeLimitSeconds.map(Format.milliseconds) ?? "—",
            row.meetsTimeTarget.map(mark) ?? "—", row.roundTripFloorSeconds.map(Format.milliseconds) ?? "—",
            Format.milliseconds(naive.seconds), ratio(naive.seconds, planned.seconds),
            "\(planned.resultRows)", Format.integer(planned.scannedRowsPerSecond), peak(planned),
        ]
    }

    /// The statements behind the row names, so a figure can be reproduced in the shell.
    static func renderQueries(_ queries: [BenchmarkQuery]) -> String {
        var lines = [line(["query", "statement"]), line(["---", "---"])]
        lines += queries.map { line([$0.name, "`\($0.text)`"]) }
        return lines.joined(separator: "\n")
    }

    /// `66.2 (+0.4)`: the process's peak, and how far it rose above the size at the statement's start.
    static func peak(_ measurement: Measurement) -> String {
        guard let peak = measurement.peakBytes else { return "?" }
        return Format.megabytes(peak) + (measurement.peakGrowthBytes.map { " (+\(Format.megabytes($0)))" } ?? "")
    }

    static func mark(_ passed: Bool) -> String { passed ? "✓" : "✗" }

    static func ratio(_ numerator: Double, _ denominator: Double) -> String {
        denominator > 0 ? String(format: "%.1f×", numerator / denominator) : "—"
    }

    static func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}
