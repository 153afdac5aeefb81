import Foundation
import NectarCatalog
import NectarExecution
import NectarPlanning
import NectarSemantics
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
    let client: NectarClient
    private let recorder = ScanRecorder()
    let snapshotSettings = SnapshotSettings()
    /// The session zone and the name it was chosen by (`.tz` shows the name as typed, made IANA).
    private let zone: Mutex<(zone: TimeZone, name: String)>
    private let customFields = Mutex(CustomFieldsState.unknown)
    /// The last catalog built with custom columns, and what it was built from: every statement
    /// asks for the catalog more than once, and building it names each custom column anew.
    private let customCatalog = Mutex<(definitions: [CustomFieldDefinition], zone: TimeZone, catalog: Catalog)?>(nil)
    /// Whether `describe` has already said why there are no custom columns (it says so once).
    private let customFieldsReasonShown = Mutex(false)

    /// Throws `APIError` when the configuration cannot work (a malformed URL, plain `http://` to a remote host).
    public init(configuration: EngineConfiguration) throws {
        self.configuration = configuration
        var client = ClientConfiguration(baseURL: configuration.apiURL, token: configuration.token)
        client.pageSize = configuration.pageSize
        client.concurrency = configuration.concurrency
        client.maxRequestsPerSecond = configuration.maxRequestsPerSecond
        client.cacheTTL = configuration.cacheTTL
        client.maxAttempts = configuration.maxAttempts
        let remembered = configuration.listingSizesFile.map { ListingSizesFile(path: $0).load() } ?? [:]
        self.client = try NectarClient(configuration: client, listingSizes: ListingSizes(remembered: remembered))
        zone = Mutex((configuration.timeZone, configuration.timeZone.identifier))
    }

    /// Runs exactly one statement (`select`, `explain`, `describe`, `show tables`). Throws
    /// `QueryError`, with a place in `text`, before any request of its own when the statement is
    /// wrong (the session's first statement reads the custom field definitions first: a column
    /// name can only be judged against them).
    public func execute(_ text: String) async throws -> QueryResult {
        try await execute(try Parser.parseStatement(text))
    }

    /// Runs a parsed statement (the shell's, from `Parser.parseStatement(_:startingAt:)`); error
    /// places refer to the text it was parsed from.
    package func execute(_ statement: Statement) async throws -> QueryResult {
        do {
            try await loadCustomFields()
        } catch {
            // Only four tables take custom fields: a statement over others, or over none, need not
            // fail because that one endpoint did (the next statement asks again).
            let needsDefinitions = Self.tableNames(of: statement).contains { name in
                Catalog.nectarCRM.table(named: name).map(Catalog.takesCustomFields) ?? false
            }
            if needsDefinitions { throw error }
        }
        return try await executeLoaded(statement)
    }

    /// The tables a statement names, as written.
    private static func tableNames(of statement: Statement) -> [String] {
        switch statement {
        case .showTables: return []
        case .describe(let name): return [name.name]
        case .explain(let select), .select(let select): return ([select.from].compactMap { $0 } + select.joins.map(\.table)).map(\.name.name)
        }
    }

    private func executeLoaded(_ statement: Statement) async throws -> QueryResult {
        // One instant per statement: every row, and the constants folded before planning, see the same now().
        let context = EvaluationContext(time: ZonedTime(zone: timeZone), now: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
        let catalog = self.catalog
        switch statement {
        case .showTables: return SchemaResults.tables(catalog)
        case .describe(let name):
            let table = try binder(catalog, context).table(name)
            return SchemaResults.describe(table, notice: Catalog.takesCustomFields(table) ? customFieldsReasonOnce() : nil)
        case .explain(let select):
            var printer = ExplainPrinter(pageSize: configuration.pageSize)
            let settings = snapshotSettings.current
            if let store = settings.store { printer.sourceLine = await snapshotSourceLine(store: store, maxAge: settings.maxAge) }
            let lines = printer.lines(try plan(select, catalog, context).plan)
            return QueryResult(columns: [ResultColumn(name: "plan", type: .text)], rows: lines.map { [.text($0)] })
        case .select(let select):
            let (columns, plan) = try plan(select, catalog, context)
            let fetcher = try await pageFetcher(for: plan)
            let root = PlanExecutor(fetcher: fetcher, context: context, recorder: recorder).build(plan)
            return QueryResult(columns: columns, batches: RowBatches(root))
        }
    }

    /// Binds and plans a select; nothing is sent yet.
    private func plan(
        _ select: SelectStatement, _ catalog: Catalog, _ context: EvaluationContext
    ) throws -> (columns: [ResultColumn], plan: PlanNode) {
        let bound = try binder(catalog, context).bind(select)
        let source: any RecordSource =
            configuration.pushdown ? DocumentedAPI(pageSize: configuration.pageSize) : NaiveAPI(pageSize: configuration.pageSize)
        let planner = Planner(catalog: catalog, estimates: CardinalityEstimates(sizes: client.listingSizes), source: source)
        return (bound.columns, planner.plan(bound))
    }

    /// The tables this session sees: the seed's, each followed by the account's custom fields
    /// once they have been read (on the first statement, or `loadCustomFields()`). A session
    /// reading a snapshot sees the custom fields the snapshot stores, named and typed alike.
    package var catalog: Catalog {
        let snapshot = snapshotSettings.current
        if snapshot.store != nil {
            guard !snapshot.customFields.isEmpty else { return Catalog.nectarCRM }
            return catalog(adding: snapshot.customFields)
        }
        guard case .defined(let definitions) = customFields.withLock({ $0 }) else { return Catalog.nectarCRM }
        return catalog(adding: definitions)
    }

    /// The catalog with `definitions` as columns in the session zone, built again only when either changed.
    private func catalog(adding definitions: [CustomFieldDefinition]) -> Catalog {
        let zone = timeZone
        if let cached = customCatalog.withLock({ $0 }), cached.definitions == definitions, cached.zone == zone {
            return cached.catalog
        }
        let catalog = Catalog.nectarCRM.addingCustomFields(definitions, timeZone: zone)
        customCatalog.withLock { $0 = (definitions, zone, catalog) }
        return catalog
    }

    /// Reads the account's custom field definitions, once per engine (one request); every
    /// statement does it first, so call it only to have `catalog` complete before any statement
    /// (the shell does, for Tab completion). Throws on a network or authentication failure; a
    /// 403 or 404 leaves the session without custom columns.
    public func loadCustomFields() async throws {
        // A snapshot query sends no request: the snapshot stores the custom fields it was synced with.
        guard snapshotPath == nil, case .unknown = customFields.withLock({ $0 }) else { return }
        try requireToken()
        let state = try await CustomFieldDiscovery(client: client).discover()
        customFields.withLock { $0 = state }
    }

    /// An engine made without a token reads snapshots only; anything that would send a request fails.
    func requireToken() throws {
        if configuration.token.isEmpty { throw MissingTokenError() }
    }

    /// Why there are no custom columns, the first time it is asked; nil afterwards or when there are some.
    private func customFieldsReasonOnce() -> String? {
        guard case .unavailable(let reason) = customFields.withLock({ $0 }) else { return nil }
        return customFieldsReasonShown.withLock { shown in
            defer { shown = true }
            return shown ? nil : reason
        }
    }

    private func binder(_ catalog: Catalog, _ context: EvaluationContext) -> SelectBinder {
        SelectBinder(catalog: catalog, time: context.time, evaluateConstant: { $0.evaluate([], context) })
    }

    /// The session time zone (`.tz`): date literals are read and timestamps shown in it.
    /// The session holds it here alone: the binder, the evaluator and the shell's writers all read it.
    public var timeZone: TimeZone { zone.withLock { $0.zone } }
    /// Its IANA name, as set (`America/Sao_Paulo`, `UTC`).
    public var timeZoneName: String { zone.withLock { $0.name } }
    public func setTimeZone(_ timeZone: TimeZone) { zone.withLock { $0 = (timeZone, timeZone.identifier) } }
    /// Sets the zone by name, in any case (`utc`, `america/sao_paulo`); false, changing nothing, for an unknown name.
    package func setTimeZone(named name: String) -> Bool {
        guard let identifier = TimeZoneNames.identifier(named: name), let timeZone = TimeZone(identifier: identifier) else { return false }
        zone.withLock { $0 = (timeZone, identifier) }
        return true
    }
    public func setCacheEnabled(_ enabled: Bool) { client.setCacheEnabled(enabled) }
    public func clearCache() { client.clearCache() }
    /// How long the API asked (429 with `Retry-After`) to wait before the next request, while that lasts.
    package func serverPauseRemaining() -> Duration? { client.serverPauseRemaining() }

    /// Cumulative counters; take two snapshots and `since` for one statement, or poll for progress.
    public func statistics() -> EngineStatistics {
        EngineStatistics(http: client.statistics(), scans: recorder.counts)
    }

    /// Closes connections and keeps the listing sizes learnt for the next session; call once,
    /// after the last statement.
    public func shutdown() async {
        saveListingSizes()
        await snapshotSettings.use(nil, customFields: [])?.close()
        await client.shutdown()
    }

    /// Writes the sizes to `listingSizesFile` when the session learnt any. A file that cannot be
    /// written costs the next session some requests, not an answer, so it fails quietly.
    private func saveListingSizes() {
        guard let path = configuration.listingSizesFile, client.listingSizes.takeChanged() else { return }
        try? ListingSizesFile(path: path).save(client.listingSizes.all)
    }
}
