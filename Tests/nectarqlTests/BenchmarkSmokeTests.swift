import Foundation
import Testing

/// Runs the built `nectarql-bench` once at a tiny scale and no latency: it must finish and print
/// the side-by-side table with a row per benchmark query. Figures are not judged here (speed is
/// the benchmark's business, not a test's); the shape of its answer is.
@Suite struct BenchmarkSmokeTests {
    static let queryNames = [
        "full scan", "status filter", "date range", "id lookup", "design join",
        "join, lookups win", "join, scan wins", "group by", "limit 5", "child table", "name prefix",
        "limit past the end",
    ]
    /// Columns of the side-by-side table, the first being the query's name.
    static let columnCount = 17

    @Test func tinyRunPrintsARowPerQuery() async throws {
        let result = try await BenchBinary.run(["--scale", "0.05", "--latency-ms", "0"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = Self.tableRows(result.stdout)
        for name in Self.queryNames {
            let matching = rows.filter { $0.first == name }
            #expect(matching.count == 1, "expected one row for \(name) in:\n\(result.stdout)")
            guard let row = matching.first else { continue }
            #expect(row.count == Self.columnCount, "row for \(name): \(row)")
            let requests = Int(row[1]), minimum = Int(row[2]), naiveRequests = Int(row[5])
            #expect(requests != nil && naiveRequests != nil, "request counts of \(name) are numbers: \(row)")
            #expect((minimum ?? 0) >= 1, "every query needs at least one request: \(row)")
        }
        #expect(result.stdout.contains("Requests in all: "), "the suite's sum against its minimum")
    }

    @Test func rejectsANonPositiveScale() async throws {
        let result = try await BenchBinary.run(["--scale", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--scale"))
    }

    /// The cells of the first markdown table (the side-by-side one; a list of statements follows it), trimmed.
    static func tableRows(_ output: String) -> [[String]] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let table = lines.drop { !$0.hasPrefix("| ") }.prefix { $0.hasPrefix("| ") }
        return table.map { line in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }
}

/// The `nectarql-bench` executable next to the one the shell tests use; `NECTARQL_BENCH_BINARY` overrides it.
private enum BenchBinary {
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["NECTARQL_BENCH_BINARY"] { return explicit }
        let shell = URL(fileURLWithPath: ShellBinary.path)
        return shell.deletingLastPathComponent().appendingPathComponent("nectarql-bench").path
    }()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Bounded: a hung benchmark is killed after `timeout` and fails the test.
    static func run(_ arguments: [String], timeout: TimeInterval = 300) async throws -> Output {
        let bench = try ChildProcess(path, arguments: arguments, environment: ProcessInfo.processInfo.environment, input: .null)
        try await bench.waitForExit(seconds: timeout)
        try await bench.outputsEnded()
        return Output(status: bench.terminationStatus, stdout: bench.stdout, stderr: bench.stderr)
    }
}
