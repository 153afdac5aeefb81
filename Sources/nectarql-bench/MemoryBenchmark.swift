import Foundation
import NectarMock

/// Peak RSS of `select * from contatos` written as CSV, each measured in a fresh child process
/// (this binary with `--memory-probe`) so one measurement's peak cannot hide another's. The fake
/// API runs here, in the parent, so the child's figure is the engine's and the writer's alone.
struct MemoryBenchmark {
    static let targetBytes = 64 * 1_048_576
    static let childTimeout: TimeInterval = 600

    let scales: [Double]
    let seed: UInt64
    /// Row counts of the xlsx measurement (the scale-1 contatos written over and over).
    var workbookRows: [Int] = []
    /// How much more the largest workbook's peak may be than the smallest's and still be flat.
    static let workbookGrowthAllowance = 16 * 1_048_576

    struct Probe {
        let scale: Double
        let cacheEnabled: Bool
        let report: MemoryProbe.Report
    }

    func run() async throws -> String {
        var probes: [Probe] = []
        for scale in scales {
            let dataset = MockDataset(seed: seed, scale: scale)
            try await FakeAPI.withServer(dataset: dataset, latencyMilliseconds: 0) { server in
                for cacheEnabled in [false, true] {
                    let report = try Self.runChild(apiURL: server.baseURL, scale: scale, seed: seed, cacheEnabled: cacheEnabled)
                    probes.append(Probe(scale: scale, cacheEnabled: cacheEnabled, report: report))
                }
            }
        }
        var workbooks: [MemoryProbe.Report] = []
        if !workbookRows.isEmpty {
            try await FakeAPI.withServer(dataset: MockDataset(seed: seed, scale: 1), latencyMilliseconds: 0) { server in
                for rows in workbookRows {
                    workbooks.append(try Self.runChild(apiURL: server.baseURL, scale: 1, seed: seed, cacheEnabled: false, workbookRows: rows))
                }
            }
        }
        return report(probes) + workbookReport(workbooks)
    }

    static func runChild(
        apiURL: String, scale: Double, seed: UInt64, cacheEnabled: Bool, workbookRows: Int? = nil
    ) throws -> MemoryProbe.Report {
        guard let executable = Bundle.main.executableURL else { throw BenchmarkError.cannotLocateSelf }
        var arguments = ["--memory-probe", "--scale", "\(scale)", "--seed", "\(seed)", "--api-url", apiURL]
        if cacheEnabled { arguments.append("--cache") }
        if let workbookRows { arguments += ["--xlsx-rows", "\(workbookRows)"] }
        let output = try ChildProcess.run(executable, arguments: arguments, timeout: childTimeout)
        guard output.status == 0, let report = MemoryProbe.Report(output: output.stdout) else {
            throw BenchmarkError.probeFailed(arguments: arguments, status: output.status, output: output.stdout + output.stderr)
        }
        return report
    }

    private func report(_ probes: [Probe]) -> String {
        var lines = [
            "## Memory: `\(MemoryProbe.statement)` written as CSV, peak RSS of a fresh process (VmHWM)",
            "",
            "| scale | cache | rows | CSV MB | RSS before query MB | peak RSS MB | target < MB | ok |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for probe in probes {
            let report = probe.report
            lines.append(
                "| \(probe.scale) | \(probe.cacheEnabled ? "on" : "off") | \(report.rows) | \(Format.megabytes(report.outputBytes)) | "
                    + "\(Format.megabytes(report.baselineBytes)) | \(Format.megabytes(report.peakBytes)) | "
                    + "\(Format.megabytes(Self.targetBytes)) | \(ComparisonTable.mark(report.peakBytes < Self.targetBytes)) |")
        }
        lines.append("")
        lines.append("The fake API runs in the parent process; the child holds only the engine, the CSV writer and a sink that discards.")
        return lines.joined(separator: "\n")
    }

    /// The xlsx figures: each row count's peak, and whether the largest stayed within the
    /// allowance of the smallest (constant-memory mode streams rows to disk).
    private func workbookReport(_ reports: [MemoryProbe.Report]) -> String {
        guard let smallest = reports.first else { return "" }
        var lines = [
            "", "",
            "## Memory: `\(MemoryProbe.statement)` written as xlsx (constant-memory mode), rows repeated up to each count",
            "",
            "| rows | xlsx MB | RSS before query MB | peak RSS MB | growth over \(smallest.rows) rows MB | flat (< \(Format.megabytes(Self.workbookGrowthAllowance)) MB) |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for report in reports {
            let growth = report.peakBytes - smallest.peakBytes
            lines.append(
                "| \(report.rows) | \(Format.megabytes(report.outputBytes)) | \(Format.megabytes(report.baselineBytes)) | "
                    + "\(Format.megabytes(report.peakBytes)) | \(Format.megabytes(growth)) | "
                    + "\(ComparisonTable.mark(growth < Self.workbookGrowthAllowance)) |")
        }
        return lines.joined(separator: "\n")
    }
}
