import ArgumentParser
import Foundation
import NectarQL
import NectarSemantics
import NectarSource

/// The command line, as the user sees it in `--help`.
struct ShellArguments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nectarql",
        abstract: "Query a NectarCRM account with SQL.",
        discussion: """
            Without -c or -f, statements come from standard input: an interactive shell on a terminal, a script otherwise (nectarql < query.nql > out.csv).

            The API token is read from NECTAR_API_TOKEN or from --token-file. An admin creates one in NectarCRM under Configurações > Integrações > Gerar Token. Try the shell without an account with --demo.

            `nectarql sync` copies the account into a local snapshot; `nectarql --snapshot PATH` queries it (see `nectarql sync --help`).

            The prompt's history is kept in ~/.nectarql_history (NECTARQL_HISTORY overrides the path).

            \(ExitStatus.helpText)
            """,
        version: Version.current
    )

    // Arrays only so that a repeated -c or -f is refused rather than silently overridden. Values
    // are taken as they come: a statement may start with a `--` comment, a number with a minus
    // (refused by validation with a reason, not as a "missing value").
    @Option(name: [.customShort("c"), .customLong("command")], parsing: .unconditionalSingleValue, help: "Run these statements (separated by ';') and exit.")
    var commands: [String] = []

    @Option(name: [.customShort("f"), .customLong("file")], parsing: .unconditionalSingleValue, help: "Run the statements in this file and exit (- or /dev/stdin for standard input).")
    var files: [String] = []

    @Option(help: "Output format: table, csv, tsv, json, jsonl, markdown, line, xlsx or bar (default: table on a terminal, csv otherwise).")
    var format: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write results to this file; a name ending in .xlsx makes one Excel workbook, a sheet per statement.")
    var output: String?

    @Flag(help: "Draw bar charts with ASCII characters (the default when the locale is not UTF-8).")
    var ascii = false

    @Flag(help: "Same as --format csv.")
    var csv = false

    @Flag(help: "Same as --format json.")
    var json = false

    @Flag(name: .customLong("no-header"), help: "Leave out the header row.")
    var noHeader = false

    @Flag(help: "CSV for a pt-BR spreadsheet: ';' separator, decimal comma, BOM.")
    var excel = false

    @Flag(name: .customLong("continue-on-error"), help: "In batch mode, run the remaining statements after one fails; the exit status is then the most serious failure's.")
    var continueOnError = false

    @Flag(help: "Use the built-in fake API with generated data (no account needed).")
    var demo = false

    @Option(name: .customLong("demo-latency-ms"), parsing: .unconditional, help: "Delay of each fake API response, in milliseconds.")
    var demoLatencyMilliseconds = 20

    @Option(name: .customLong("api-url"), help: "The API base URL (env NECTAR_API_URL).")
    var apiURL: String?

    @Option(name: .customLong("token-file"), help: "Read the API token from this file (keep it chmod 600).")
    var tokenFile: String?

    @Option(help: "Session time zone for dates and timestamps.")
    var tz = "America/Sao_Paulo"

    @Option(parsing: .unconditional, help: "Requests in flight at once.")
    var concurrency: Int?

    @Option(name: .customLong("max-rps"), parsing: .unconditional, help: "At most this many requests per second.")
    var maxRequestsPerSecond: Double?

    @Option(name: .customLong("page-size"), parsing: .unconditional, help: "Records per page, 1 to \(ClientConfiguration.maximumPageSize) (the API's largest page; the default).")
    var pageSize: Int?

    @Option(name: .customLong("cache-ttl"), parsing: .unconditional, help: "Seconds fetched pages are reused within a session.")
    var cacheTTL: Int?

    @Flag(name: .customLong("no-cache"), help: "Never reuse fetched pages.")
    var noCache = false

    @Flag(help: "No progress line and no banner.")
    var quiet = false

    @Option(help: "Read every table from this snapshot, a file or a postgres:// mirror (made by `nectarql sync`), instead of the API.")
    var snapshot: String?

    @Option(name: .customLong("max-age"), help: "With --snapshot: first refresh the tables a statement reads that are older than this (10m, 1h).")
    var maxAge: String?

    func validate() throws {
        if commands.count + files.count > 1 {
            throw ValidationError("give one -c or one -f; put several statements in one, separated by ';'")
        }
        if let format, OutputFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("unknown format '\(format)'; use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if [csv, json, format != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one output format: --format, --csv or --json")
        }
        if excel, let requestedFormat, requestedFormat != .csv {
            throw ValidationError("--excel writes CSV for a spreadsheet; leave out --\(json ? "json" : "format \(requestedFormat.rawValue)")")
        }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if let pageSize, let problem = ClientConfiguration.pageSizeProblem(pageSize, setting: "--page-size") {
            throw ValidationError(problem)
        }
        if let maxRequestsPerSecond, maxRequestsPerSecond <= 0 { throw ValidationError("--max-rps must be positive") }
        if let cacheTTL, cacheTTL < 0 { throw ValidationError("--cache-ttl must be zero or more seconds") }
        if demoLatencyMilliseconds < 0 { throw ValidationError("--demo-latency-ms must be zero or more") }
        if let maxAge, DurationText.parse(maxAge) == nil {
            throw ValidationError("--max-age: '\(maxAge)' is not a duration; use \(DurationText.usage)")
        }
        if maxAge != nil && snapshot == nil { throw ValidationError("--max-age needs --snapshot PATH") }
        if TimeZoneNames.zone(named: tz) == nil {
            throw ValidationError("unknown time zone '\(tz)'; use an IANA name such as America/Sao_Paulo or UTC")
        }
    }

    var command: String? { commands.first }
    var file: String? { files.first }

    /// The format asked for on the command line, or nil to choose by whether stdout is a terminal.
    var requestedFormat: OutputFormat? {
        if csv { return .csv }
        if json { return .json }
        return format.flatMap { OutputFormat(rawValue: $0.lowercased()) }
    }
}
