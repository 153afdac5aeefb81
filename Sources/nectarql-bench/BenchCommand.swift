import ArgumentParser
import Foundation
import NectarMock

/// `nectarql-bench`: starts the fake API in this process and prints markdown tables of what the
/// engine's queries cost, next to the naive strategy and the targets.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nectarql-bench",
        abstract: "Measure NectarQL's requests, time, throughput and memory against the in-process fake NectarCRM API.",
        discussion: """
            Without a mode flag, runs every benchmark query with the planner and with the naive strategy \
            (pushdown off, concurrency 1) and prints them side by side. --cpu times the group-by over every \
            oportunidade; --memory measures peak RSS of a CSV export, and of an xlsx workbook of 20,000 and 200,000 rows, in fresh child processes.
            """)

    @Option(help: "Latency the fake API adds to every response, in milliseconds.")
    var latencyMs = 50

    @Option(help: "Dataset scale (1 = 600 contatos, 1,500 oportunidades).")
    var scale = 1.0

    @Option(help: "Requests in flight at once for the planner's runs.")
    var concurrency = 4

    @Option(help: "Seed of the generated data.")
    var seed: UInt64 = 1

    @Option(help: "Runs of each query with the planner (each on a fresh engine): the table shows the median wall time and the most requests any run made.")
    var runs = 3

    @Flag(help: "Print every request the planner's runs make to stderr.")
    var showRequests = false

    @Flag(help: "Measure first sessions: the planner's runs remember no listing size (by default each query runs once unmeasured first, as an analyst's earlier session).")
    var forgetSizes = false

    @Flag(help: "Time the group-by over every oportunidade at zero latency, cache off and on.")
    var cpu = false

    @Flag(help: "Run the --cpu group-by cold --profile-runs times and nothing else, for callgrind (against --api-url when given).")
    var profileQuery = false

    @Flag(help: "Flatten the --cpu group-by's oportunidades pages, made in memory, --profile-runs times on one thread: the JSON reader alone, no HTTP.")
    var profileDecode = false

    @Flag(inversion: .prefixedNo, help: "With --profile-query: push filters and projections into requests (--no-pushdown reads whole records).")
    var pushdown = true

    @Option(help: "With --profile-query or --profile-decode: how many runs.")
    var profileRuns = 1

    @Flag(help: "Peak RSS of `select * from contatos` as CSV, one child process per figure.")
    var memory = false

    @Option(help: "Scales the --memory mode measures, comma separated.")
    var memoryScales = "1,20"

    @Option(help: "Row counts of the --memory xlsx measurement, comma separated (empty to skip it).")
    var memoryXlsxRows = "20000,200000"

    @Option(help: "Internal, with --memory-probe: write this many rows as an xlsx workbook instead of CSV.")
    var xlsxRows: Int?

    @Flag(help: "Snapshots: the first sync (time against the round-trip floor, peak RSS), the group-by read from the file against the sqlite3 command, an incremental refresh's requests.")
    var snapshot = false

    @Option(help: "The PostgreSQL mirror: a full sync into it against one into a SQLite file (rows/s), and the group-by read from each. A postgres:// URL without schema=: the bench makes a schema of its own there and drops it at the end.")
    var postgres: String?

    @Flag(help: "Internal: be the child process of --snapshot that makes the first sync, and print one report line.")
    var syncProbe = false

    @Option(help: "Internal, with --sync-probe: the snapshot file to create.")
    var snapshotPath: String?

    @Option(help: "Run the --snapshot group-by against this existing snapshot file --profile-runs times on one engine and nothing else, for a profiler such as perf.")
    var profileSnapshot: String?

    @Flag(help: "Internal: be the child process of --memory and print one report line.")
    var memoryProbe = false

    @Option(help: "With --memory-probe or --profile-query: the fake API to read from (started here when absent).")
    var apiUrl: String?

    @Flag(help: "Internal, with --memory-probe: keep the engine's cache on, as the shell does by default.")
    var cache = false

    func validate() throws {
        guard scale > 0 else { throw ValidationError("--scale must be above 0, got \(scale).") }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms cannot be negative, got \(latencyMs).") }
        guard profileRuns >= 1 else { throw ValidationError("--profile-runs must be at least 1, got \(profileRuns).") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1, got \(runs).") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1, got \(concurrency).") }
        guard parsedMemoryXlsxRows.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--memory-xlsx-rows takes positive row counts separated by commas, e.g. 20000,200000; got \(memoryXlsxRows).")
        }
        guard !parsedMemoryScales.isEmpty, parsedMemoryScales.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--memory-scales takes positive numbers separated by commas, e.g. 1,20; got \(memoryScales).")
        }
    }

    var parsedMemoryScales: [Double] {
        memoryScales.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    var parsedMemoryXlsxRows: [Int] {
        memoryXlsxRows.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    func run() async throws {
        do {
            try await runMode()
        } catch let error as BenchmarkError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    private func runMode() async throws {
        if memoryProbe {
            print(try await probe().line)
        } else if syncProbe, let apiUrl, let snapshotPath {
            print(try await SyncProbe(apiURL: apiUrl, path: snapshotPath, concurrency: concurrency).run().line)
        } else if let postgres {
            let benchmark = PostgresBenchmark(
                url: postgres, scale: scale, seed: seed, latencyMilliseconds: latencyMs, concurrency: concurrency)
            print(try await benchmark.run())
        } else if snapshot {
            print(try await SnapshotBenchmark(scale: scale, seed: seed, latencyMilliseconds: latencyMs, concurrency: concurrency).run())
        } else if let profileSnapshot {
            print(try await ProfileSnapshotQuery(path: profileSnapshot, runs: profileRuns).run())
        } else if profileDecode {
            print(try ProfileDecode(scale: scale, seed: seed, runs: profileRuns).run())
        } else if profileQuery {
            let profile = ProfileQuery(
                scale: scale, seed: seed, concurrency: concurrency, pushdown: pushdown, runs: profileRuns, apiURL: apiUrl)
            print(try await profile.run())
        } else if cpu || memory {
            if cpu { print(try await CPUBenchmark(scale: scale, seed: seed, concurrency: concurrency).run()) }
            if cpu && memory { print("") }
            if memory {
                let benchmark = MemoryBenchmark(scales: parsedMemoryScales, seed: seed, workbookRows: parsedMemoryXlsxRows)
                print(try await benchmark.run())
            }
        } else {
            let benchmark = ComparisonBenchmark(
                scale: scale, seed: seed, latencyMilliseconds: latencyMs, concurrency: concurrency, plannedRuns: runs,
                showRequests: showRequests, rememberSizes: !forgetSizes)
            print(try await benchmark.run())
        }
    }

    /// The child of --memory; standalone (no --api-url) its figure includes the fake API and its data.
    private func probe() async throws -> MemoryProbe.Report {
        if let apiUrl { return try await MemoryProbe(apiURL: apiUrl, cacheEnabled: cache, workbookRows: xlsxRows).run() }
        return try await FakeAPI.withServer(dataset: MockDataset(seed: seed, scale: scale), latencyMilliseconds: 0) { server in
            try await MemoryProbe(apiURL: server.baseURL, cacheEnabled: cache, workbookRows: xlsxRows).run()
        }
    }
}
