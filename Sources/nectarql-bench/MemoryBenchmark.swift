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
        return report(probes)
    }

    static func runChild(apiURL: String, scale: Double, seed: UInt64, cacheEnabled: Bool) throws -> MemoryProbe.Report {
        guard let executable = Bundle.main.executableURL else { throw BenchmarkError.cannotLocateSelf }
        var arguments = ["--memory-probe", "--scale", "\(scale)", "--seed", "\(seed)", "--api-url", apiURL]
        if cacheEnabled { arguments.append("--cache") }
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
                "| \(probe.scale) | \(probe.cacheEnabled ? "on" : "off") | \(report.rows) | \(Format.megabytes(report.csvBytes)) | "
                    + "\(Format.megabytes(report.baselineBytes)) | \(Format.megabytes(report.peakBytes)) | "
                    + "\(Format.megabytes(Self.targetBytes)) | \(ComparisonTable.mark(report.peakBytes < Self.targetBytes)) |")
        }
        lines.append("")
        lines.append("The fake API runs in the parent process; the child holds only the engine, the CSV writer and a sink that discards.")
        return lines.joined(separator: "\n")
    }
}
