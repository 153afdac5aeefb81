import Foundation
import NectarCatalog
import NectarExecution
import NectarPlanning
import NectarSnapshot
import NectarSource

/// Snapshots: `sync` copies the account into a SQLite file or a PostgreSQL mirror (a
/// `postgres://` URL); `useSnapshot` makes every scan read it instead of the API (no request at
/// all), unless a maximum age asks stale tables to be refreshed first, incrementally.
extension Engine {
    /// Reads the account into the snapshot at `path` (a file, or a `postgres://` URL), creating it
    /// when missing. Atomic: on any failure or cancellation the snapshot keeps its previous content.
    public func sync(
        snapshotPath path: String, options: SyncOptions, progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) async throws -> [SyncTableReport] {
        let store = try SnapshotOpening.forWriting(path, catalog: .nectarCRM)
        let reports: [SyncTableReport]
        do {
            reports = try await snapshotSync(store: store).run(options, progress: progress)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
        // A session reading this very snapshot sees the custom fields the sync just stored.
        if let reading = snapshotSettings.current.store, reading.location == store.location { try await useSnapshot(path: path) }
        return reports
    }

    /// How this engine syncs into `store` (a file or a mirror, through the one sync algorithm):
    /// its client and page size, the account's custom fields read fresh (a 403 or 404 syncs the
    /// seed's tables alone), custom dates stored as their day's midnight in UTC, which a query
    /// reads back as that day's midnight in its own session zone (as a live query would).
    func snapshotSync(store: any SnapshotStoring) -> SnapshotSync {
        let client = self.client
        return SnapshotSync(
            client: client, catalog: .nectarCRM, store: store, apiBaseURL: apiBaseURL, pageSize: configuration.pageSize,
            timeZone: CustomFieldDate.storedZone
        ) {
            guard case .defined(let definitions) = try await CustomFieldDiscovery(client: client).discover() else { return [] }
            return definitions
        }
    }

    /// Makes scans read the snapshot at `path`, a file or a `postgres://` URL (nil: the API
    /// again), with the custom fields it stores as columns. Throws, changing nothing, for a
    /// missing, corrupt or foreign snapshot.
    public func useSnapshot(path: String?) async throws {
        guard let path else {
            await snapshotSettings.use(nil, customFields: [])?.close()
            return
        }
        let store = try await SnapshotOpening.forReading(path)
        let customFields: [CustomFieldDefinition]
        do {
            customFields = try await store.customFieldDefinitions()
        } catch {
            await store.close()
            throw error
        }
        await snapshotSettings.use(store, customFields: customFields)?.close()
    }

    /// Refresh tables a statement reads when their last sync is older than this; nil: never (no request).
    public func setSnapshotMaxAge(_ maxAge: Duration?) { snapshotSettings.setMaxAge(maxAge) }

    /// The snapshot scans read, if any: its path, or its URL without the password.
    public var snapshotPath: String? { snapshotSettings.current.store?.location }

    public var snapshotMaxAge: Duration? { snapshotSettings.current.maxAge }

    /// The API base URL as the snapshot records it (always with a trailing slash).
    var apiBaseURL: String {
        configuration.apiURL.hasSuffix("/") ? configuration.apiURL : configuration.apiURL + "/"
    }

    /// Where a statement's scans read: the snapshot (refreshing its stale tables first when a
    /// maximum age is set) or the API.
    func pageFetcher(for plan: PlanNode) async throws -> PageFetching {
        let settings = snapshotSettings.current
        guard let store = settings.store else {
            try requireToken()
            return ClientPageFetcher(client: client, pageSize: configuration.pageSize)
        }
        let tables = Self.recordTables(of: plan, catalog)
        if let maxAge = settings.maxAge {
            try await refresh(tables, of: store, olderThan: maxAge)
        }
        try await requireSynced(tables, in: store)
        return SnapshotPageFetcher(store: store, catalog: catalog, pageSize: Self.snapshotPageRows)
    }

    /// Rows per snapshot page. Each row is as wide as its table, so a page is large in memory:
    /// pages of a few hundred rows made the allocator hand the memory back to the system and
    /// fault it in again on every page (measured: a third of a group-by's time in the kernel),
    /// while a page costs the scan only a hand-off, which 64 rows amortise.
    static let snapshotPageRows = 64

    /// A table the snapshot never received holds no rows, and answering from it would look like an
    /// account without such records: the statement fails instead, saying how to fill the table.
    private func requireSynced(_ tables: [String], in store: any SnapshotStoring) async throws {
        guard !tables.isEmpty else { return }
        let records = try await store.syncRecords()
        let missing = tables.filter { records[$0]?.lastSyncFinished == nil }
        guard !missing.isEmpty else { return }
        let names = missing.joined(separator: ", ")
        throw SnapshotError(
            "the snapshot \(store.location) has never synced \(names), so it cannot answer for \(missing.count == 1 ? "it" : "them"): "
                + "run `nectarql sync --snapshot \(store.location) --tables \(missing.joined(separator: ","))`, "
                + "or set a maximum age (--max-age, .max-age) to fetch \(missing.count == 1 ? "it" : "them") first")
    }

    private func refresh(_ tables: [String], of store: any SnapshotStoring, olderThan maxAge: Duration) async throws {
        let records = try await store.syncRecords()
        let now = SnapshotSync.nowMilliseconds()
        let limit = maxAge.components.seconds * 1000 + maxAge.components.attoseconds / 1_000_000_000_000_000
        let stale = tables.filter { table in
            guard let finished = records[table]?.lastSyncFinished else { return true }
            return now - finished > limit
        }
        guard !stale.isEmpty else { return }
        try requireToken()
        _ = try await snapshotSync(store: store).run(SyncOptions(tables: stale))
        // The refresh may have changed the custom fields the snapshot stores.
        snapshotSettings.setCustomFields(try await store.customFieldDefinitions(), of: store)
    }

    /// The record tables whose endpoints a plan's scans read (a child table's parent).
    static func recordTables(of plan: PlanNode, _ catalog: Catalog) -> [String] {
        var names: [String] = []
        func visit(_ table: TableDefinition) {
            let name = SnapshotQuery.recordTable(of: table, catalog)?.name ?? table.name
            if !names.contains(name) { names.append(name) }
        }
        func walk(_ node: PlanNode) {
            switch node {
            case .values: break
            case .scan(let scan): visit(scan.table)
            case .join(let left, let join):
                walk(left)
                visit(join.right.table)
            case .filter(let input, _, _), .aggregate(let input, _, _), .sort(let input, _, _), .project(let input, _, _),
                .distinct(let input), .limit(let input, _, _):
                walk(input)
            }
        }
        walk(plan)
        return names
    }

    /// Explain's line for a scan in snapshot mode: the file or mirror, and how old the table's data is.
    func snapshotSourceLine(store: any SnapshotStoring, maxAge: Duration?) async -> (TableDefinition) -> String {
        let records = (try? await store.syncRecords()) ?? [:]
        let now = SnapshotSync.nowMilliseconds()
        let catalog = self.catalog
        let location = store.location
        return { table in
            let name = SnapshotQuery.recordTable(of: table, catalog)?.name ?? table.name
            let refresh = maxAge.map { "; refreshed first when older than \($0.components.seconds)s" } ?? "; no request"
            guard let finished = records[name]?.lastSyncFinished else {
                let outcome = maxAge == nil ? "the statement fails until it is" : "synced first"
                return "snapshot \(location): \(name) never synced, \(outcome)"
            }
            return "snapshot \(location), synced \(Self.ageText(now - finished)) ago (\(SnapshotTimestamp.text(finished)) UTC)\(refresh)"
        }
    }

    static func ageText(_ milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1000)
        if seconds < 120 { return "\(seconds) s" }
        if seconds < 7200 { return "\(seconds / 60) min" }
        if seconds < 172_800 { return "\(seconds / 3600) h" }
        return "\(seconds / 86400) days"
    }
}

extension Optional {
    /// `map` with an asynchronous transform.
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
