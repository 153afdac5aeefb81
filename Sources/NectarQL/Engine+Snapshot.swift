import Foundation
import NectarCatalog
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
        let store = try SnapshotOpening.forWriting(path, catalog: catalog)
        do {
            let reports = try await sync(into: store, options: options, progress: progress)
            await store.close()
            return reports
        } catch {
            await store.close()
            throw error
        }
    }

    private func sync(
        into store: any SnapshotStoring, options: SyncOptions, progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) async throws -> [SyncTableReport] {
        let sync = SnapshotSync(
            client: client, catalog: catalog, store: store, apiBaseURL: apiBaseURL, pageSize: configuration.pageSize)
        return try await sync.run(options, progress: progress)
    }

    /// Makes scans read the snapshot at `path`, a file or a `postgres://` URL (nil: the API
    /// again). Throws, changing nothing, for a missing, corrupt or foreign snapshot.
    public func useSnapshot(path: String?) async throws {
        let store = try await path.asyncMap(SnapshotOpening.forReading)
        await snapshotSettings.use(store)?.close()
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
        guard let store = settings.store else { return ClientPageFetcher(client: client, pageSize: configuration.pageSize) }
        if let maxAge = settings.maxAge {
            try await refresh(Self.recordTables(of: plan, catalog), of: store, olderThan: maxAge)
        }
        return SnapshotPageFetcher(store: store, catalog: catalog, pageSize: Self.snapshotPageRows)
    }

    static let snapshotPageRows = 2048

    private func refresh(_ tables: [String], of store: any SnapshotStoring, olderThan maxAge: Duration) async throws {
        let records = try await store.syncRecords()
        let now = SnapshotSync.nowMilliseconds()
        let limit = maxAge.components.seconds * 1000 + maxAge.components.attoseconds / 1_000_000_000_000_000
        let stale = tables.filter { table in
            guard let finished = records[table]?.lastSyncFinished else { return true }
            return now - finished > limit
        }
        guard !stale.isEmpty else { return }
        _ = try await sync(into: store, options: SyncOptions(tables: stale))
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
                return "snapshot \(location): \(name) never synced, so no rows\(refresh)"
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
