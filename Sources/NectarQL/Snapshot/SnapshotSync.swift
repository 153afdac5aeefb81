import Foundation
import NectarCatalog
import NectarSource

/// Reads the account into a snapshot through the API client and the flattener (the rows a live
/// scan gives), in one transaction per run. A table group is read whole the first time, with
/// `--full`, when its last full read is older than the reconciliation age, or when its endpoint
/// has no updated-date filter; otherwise only records updated since the day before its last sync
/// started (the filter is day-granular, Brazilian time) are read and upserted.
package struct SnapshotSync: Sendable {
    let client: NectarClient
    let catalog: Catalog
    let store: any SnapshotStoring
    /// The API base URL, recorded per table: a snapshot never mixes two accounts.
    let apiBaseURL: String
    let pageSize: Int
    /// Reads the account's custom field definitions (one request; none when the account cannot
    /// have them). Asked only when a synced table can hold custom fields.
    let customFields: @Sendable () async throws -> [CustomFieldDefinition]
    /// Custom dates are stored as midnight in this zone (the session's, as a live query reads them).
    let timeZone: TimeZone

    /// `catalog`: the seed's tables; the custom fields are added to those a run syncs.
    package init(
        client: NectarClient, catalog: Catalog, store: any SnapshotStoring, apiBaseURL: String, pageSize: Int,
        timeZone: TimeZone, customFields: @escaping @Sendable () async throws -> [CustomFieldDefinition]
    ) {
        self.client = client
        self.catalog = catalog
        self.store = store
        self.apiBaseURL = apiBaseURL
        self.pageSize = pageSize
        self.timeZone = timeZone
        self.customFields = customFields
    }

    package func run(_ options: SyncOptions, progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async throws
        -> [SyncTableReport]
    {
        let started = Self.nowMilliseconds()
        var groups = try SyncGroup.groups(options.tables, in: catalog)
        // A snapshot file of another account is refused before the custom fields cost a request;
        // the check is made again under the run's write lock below. (Not for a mirror: its reads
        // go through a pool that retries an unreachable server for a minute, where beginSync's
        // own connection says at once what is wrong.)
        if case .sqlite = store.dialect { try checkSameAccount(try await store.syncRecords()) }
        if groups.contains(where: { Catalog.takesCustomFields($0.records) }) {
            let extended = catalog.addingCustomFields(try await customFields(), timeZone: timeZone)
            groups = try SyncGroup.groups(options.tables, in: extended)
        }
        // The store brings its custom columns in line with the tables within the run, and the
        // bookkeeping is read under the run's write lock: no other sync changes it meanwhile.
        let writer = try await store.beginSync(tables: groups.flatMap(\.tables), catalog: catalog)
        do {
            let previous = try await writer.syncRecords()
            try checkSameAccount(previous)
            let results = try await withThrowingTaskGroup(of: GroupResult.self) { tasks in
                for group in groups {
                    let full = needsFullRead(group, previous[group.records.name], options: options, now: started)
                        || writer.customFieldsChanged.contains(group.records.name)
                    tasks.addTask { try await sync(group, full: full, since: previous[group.records.name], writer: writer, progress: progress) }
                }
                return try await tasks.reduce(into: [GroupResult]()) { $0.append($1) }
            }
            try Task.checkCancellation()
            let finished = Self.nowMilliseconds()
            var reports: [SyncTableReport] = []
            var records: [SyncRecord] = []
            for result in results.sorted(by: { catalogOrder($0.group.records) < catalogOrder($1.group.records) }) {
                for table in result.group.tables {
                    let rows = try await writer.rowCount(of: table)
                    let requests = table.name == result.group.records.name ? result.requests : 0
                    let lastFull = result.full ? started : previous[table.name]?.lastFullRead
                    records.append(SyncRecord(
                        table: table.name, apiBaseURL: apiBaseURL, lastSyncStarted: started, lastSyncFinished: finished,
                        lastFullRead: lastFull, rows: rows, requests: requests))
                    reports.append(SyncTableReport(
                        table: table.name, rows: rows, requests: requests, seconds: result.seconds, fullRead: result.full,
                        readWith: table.isChild ? result.group.records.name : nil))
                }
            }
            try await writer.commit(records)
            return reports
        } catch {
            await writer.rollBack()
            throw error
        }
    }

    /// A snapshot never mixes two accounts.
    private func checkSameAccount(_ records: [String: SyncRecord]) throws {
        if let foreign = records.values.first(where: { $0.apiBaseURL != apiBaseURL }) {
            throw SnapshotError(
                "the snapshot '\(store.location)' holds data from \(foreign.apiBaseURL), not \(apiBaseURL); "
                    + "sync this account into another snapshot with --snapshot PATH")
        }
    }

    private struct GroupResult: Sendable {
        let group: SyncGroup
        let full: Bool
        let requests: Int
        let seconds: Double
    }

    private func needsFullRead(_ group: SyncGroup, _ record: SyncRecord?, options: SyncOptions, now: Int64) -> Bool {
        guard !options.full, group.updatedFilter != nil, let record, record.lastSyncStarted != nil,
            let lastFull = record.lastFullRead
        else { return true }
        return now - lastFull >= options.reconcileAfterMilliseconds
    }

    private func sync(
        _ group: SyncGroup, full: Bool, since record: SyncRecord?, writer: any SnapshotWriting,
        progress: @escaping @Sendable (SyncProgress) -> Void
    ) async throws -> GroupResult {
        let clock = ContinuousClock.now
        var extra: [QueryParameter] = []
        if full {
            try await writer.clear(group.tables)
        } else if let filter = group.updatedFilter, let started = record?.lastSyncStarted,
            let dayBefore = BrazilianDay.text(started - 86_400_000)
        {
            // The filter takes whole Brazilian days; the day before covers a sync that started near midnight.
            extra = [QueryParameter(filter.from, dayBefore)]
        }
        // The client's own count of this group's requests: speculative pages and empty last pages
        // cost a request like any other, so the summary and the bookkeeping count them too.
        let tally = RequestTally()
        let records = Locked(0)
        let flatteners = group.tables.map { Flattener(table: $0) }
        let listings = group.listings(adding: extra)
        if full, listings.count == 1, let rows = record?.rows { expectSize(rows, of: listings[0]) }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for listing in listings {
                tasks.addTask {
                    for try await flattened in pages(of: listing, flatteners: flatteners, onePageAtATime: !full, tally: tally) {
                        for (page, table) in zip(flattened, group.tables) { try await writer.write(page, of: table) }
                        let read = records.withLock { read in
                            read += flattened.first?.recordCount ?? 0
                            return read
                        }
                        progress(SyncProgress(table: group.records.name, records: read, requests: tally.requests))
                    }
                }
            }
            try await tasks.waitForAll()
        }
        let elapsed = ContinuousClock.now - clock
        return GroupResult(
            group: group, full: full, requests: tally.requests,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// A table read whole again most likely holds about as many records as last time: the client
    /// then asks for the pages that many need at once and none past them (unless the last comes
    /// back full), instead of discovering the end by speculating past it. A size the client
    /// already knows (learnt this session, or remembered from earlier ones) is fresher and stays.
    private func expectSize(_ records: Int, of listing: PageRequest) {
        guard client.listingSizes.records(of: listing) == nil else { return }
        client.listingSizes.remember(records, of: listing)
    }

    /// One listing's pages, each flattened for every table of the group. A delta is read one page
    /// at a time, so it costs no request past its end: ⌈records ÷ page size⌉ + at most one.
    private func pages(of listing: PageRequest, flatteners: [Flattener], onePageAtATime: Bool, tally: RequestTally)
        -> AsyncThrowingStream<[FlattenedPage], any Error>
    {
        let decoder = GroupFlattening(flatteners: flatteners)
        guard onePageAtATime else { return client.scan(listing, decoder: decoder, tally: tally) }
        let client = self.client
        let pageSize = self.pageSize
        let next = Locked(Optional(1))
        return AsyncThrowingStream {
            guard let number = next.withLock({ $0 }) else { return nil }
            var received: [[FlattenedPage]] = []
            for try await page in client.scan(listing, decoder: decoder, firstPage: number, maxPages: 1, tally: tally) { received.append(page) }
            let page = received.first
            let full = (page?.first?.recordCount ?? 0) >= pageSize
            next.withLock { $0 = full ? number + 1 : nil }
            return page
        }
    }

    private func catalogOrder(_ table: TableDefinition) -> Int {
        catalog.tables.firstIndex { $0.name == table.name } ?? 0
    }

    package static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}

/// One listing page flattened for every table of a sync group (a parent and its child tables read
/// from the same records). A sync reads each page once, so nothing is cached.
private struct GroupFlattening: PageDecoder {
    let flatteners: [Flattener]

    var identity: SoleDecoder? { nil }

    func decode(_ body: [UInt8]) throws -> DecodedPage<[FlattenedPage]> {
        let pages = try flatteners.map { try $0.flattenPage(body) }
        return DecodedPage(content: pages, recordCount: pages.first?.recordCount ?? 0)
    }
}
