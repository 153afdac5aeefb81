import Foundation
import NectarCatalog
import NectarSource
import NectarSyntax
import Synchronization

/// The public entry point: parse, bind, plan and run statements against one NectarCRM account.
///
/// ```swift
/// let engine = try Engine(configuration: .init(token: token))
/// let result = try await engine.execute("select nome from contatos limit 5")
/// for try await batch in result.batches { for row in batch { print(row) } }
/// await engine.shutdown()
/// ```
public final class Engine: Sendable {
    public let configuration: EngineConfiguration
    public let catalog = Catalog.nectarCRM
    let client: NectarClient
    private let recorder = ScanRecorder()
    let snapshotSettings = SnapshotSettings()
    private let zone: Mutex<TimeZone>

    /// Throws `APIError` when the configuration cannot work (a malformed URL, plain `http://` to a remote host).
    public init(configuration: EngineConfiguration) throws {
        self.configuration = configuration
        var client = ClientConfiguration(baseURL: configuration.apiURL, token: configuration.token)
        client.pageSize = configuration.pageSize
        client.concurrency = configuration.concurrency
        client.maxRequestsPerSecond = configuration.maxRequestsPerSecond
        client.cacheTTL = configuration.cacheTTL
        client.maxAttempts = configuration.maxAttempts
        self.client = try NectarClient(configuration: client)
        zone = Mutex(configuration.timeZone)
    }

    /// Runs exactly one statement (`select`, `explain`, `describe`, `show tables`). Throws
    /// `QueryError`, with a place in `text`, before any request when the statement is wrong.
    public func execute(_ text: String) async throws -> QueryResult {
        try await execute(try Parser.parseStatement(text))
    }

    /// Runs a parsed statement (e.g. one of `Parser.parseScript`); error places refer to the text it was parsed from.
    public func execute(_ statement: Statement) async throws -> QueryResult {
        let time = ZonedTime(zone: timeZone)
        switch statement {
        case .showTables: return SchemaResults.tables(catalog)
        case .describe(let name): return SchemaResults.describe(try SelectBinder(catalog: catalog, time: time).table(name))
        case .explain(let select):
            var printer = ExplainPrinter(pageSize: configuration.pageSize)
            let settings = snapshotSettings.current
            printer.sourceLine = settings.store.map { snapshotSourceLine(store: $0, maxAge: settings.maxAge) }
            let lines = printer.lines(try plan(select, time: time).plan)
            return QueryResult(columns: [ResultColumn(name: "plan", type: .text)], rows: lines.map { [.text($0)] })
        case .select(let select):
            let (columns, plan) = try plan(select, time: time)
            let context = EvaluationContext(time: time, now: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
            let fetcher = try await pageFetcher(for: plan)
            let root = PlanExecutor(fetcher: fetcher, context: context, recorder: recorder).build(plan)
            return QueryResult(columns: columns, batches: RowBatches(root))
        }
    }

    /// Binds and plans a select; nothing is sent yet.
    private func plan(_ select: SelectStatement, time: ZonedTime) throws -> (columns: [ResultColumn], plan: PlanNode) {
        let bound = try SelectBinder(catalog: catalog, time: time).bind(select)
        let planner = Planner(
            catalog: catalog, estimates: recorder.estimates, pageSize: configuration.pageSize, pushdown: configuration.pushdown)
        return (bound.columns, planner.plan(bound))
    }

    /// The session time zone (`.tz`): date literals are read and timestamps shown in it.
    public var timeZone: TimeZone { zone.withLock { $0 } }
    public func setTimeZone(_ timeZone: TimeZone) { zone.withLock { $0 = timeZone } }
    public func setCacheEnabled(_ enabled: Bool) { client.setCacheEnabled(enabled) }
    public func clearCache() { client.clearCache() }

    /// Cumulative counters; take two snapshots and `since` for one statement, or poll for progress.
    public func statistics() -> EngineStatistics {
        let http = client.statistics()
        var statistics = EngineStatistics()
        statistics.requests = http.requests
        statistics.pages = http.pages
        statistics.bytes = http.bytesReceived
        statistics.retries = http.retries
        statistics.cacheHits = http.cacheHits
        statistics.rows = recorder.rows
        statistics.coercionFailures = recorder.coercionFailures
        return statistics
    }

    /// Closes connections; call once, after the last statement.
    public func shutdown() async { await client.shutdown() }
}
