import Foundation
import NectarCatalog
import NectarSnapshot
import NectarSource

/// Scans read from a snapshot instead of the API: each listing or lookup the planner built is
/// read back as the filters it stands for and answered by a parameterised SQL query (SQLite or
/// PostgreSQL, whichever store it is) that selects only the columns the scan's flattener would
/// decode, streamed a page of rows at a time. It sends no request. The local filter above every
/// scan still decides the answer; the SQL only narrows what reaches it.
package struct SnapshotPageFetcher: PageFetching {
    let store: any SnapshotStoring
    let catalog: Catalog
    /// Rows per page (`Engine.snapshotPageRows`): small, so a page's memory is reused rather than
    /// returned to the system between pages.
    package let pageSize: Int

    package init(store: any SnapshotStoring, catalog: Catalog, pageSize: Int) {
        self.store = store
        self.catalog = catalog
        self.pageSize = pageSize
    }

    package func pages(of request: PageRequest, flattener: Flattener, firstPage: Int, maxPages: Int?)
        -> AsyncThrowingStream<FlattenedPage, any Error>
    {
        let table = flattener.table
        let scan = SnapshotScan(request: request, table: table, recordTable: recordTable(of: table))
        let query = SnapshotQuery(
            scan, catalog: catalog, columns: flattener.columnsRead, layout: flattener.layout, dialect: store.dialect,
            offset: max(0, firstPage - 1) * pageSize, limit: maxPages.map { $0 * pageSize })
        return stream(query, dates: Self.customDates(flattener))
    }

    /// A fan-out's listings (every status of oportunidades) are read by one query: the file has
    /// no per-status paging to respect, and one pass over the table beats one per listing.
    package func pages(ofListings requests: [PageRequest], flattener: Flattener) -> [AsyncThrowingStream<FlattenedPage, any Error>] {
        let table = flattener.table
        let records = recordTable(of: table)
        let scans = requests.map { SnapshotScan(request: $0, table: table, recordTable: records) }
        guard let merged = SnapshotScan.merging(scans, scope: records.endpoint.requiredScope) else {
            return requests.map { pages(of: $0, flattener: flattener, firstPage: 1, maxPages: nil) }
        }
        let query = SnapshotQuery(merged, catalog: catalog, columns: flattener.columnsRead, layout: flattener.layout, dialect: store.dialect)
        return [stream(query, dates: Self.customDates(flattener))]
    }

    package func lookup(path: String, flattener: Flattener) async throws -> FlattenedPage? {
        let table = flattener.table
        guard let scan = SnapshotScan(lookupPath: path, table: table, recordTable: recordTable(of: table)) else {
            throw SnapshotError("the snapshot cannot answer the lookup \(path)")
        }
        let query = SnapshotQuery(scan, catalog: catalog, columns: flattener.columnsRead, layout: flattener.layout, dialect: store.dialect)
        var rows: [[Value]] = []
        for try await page in store.rows(of: query, pageRows: pageSize) { rows += page }
        if rows.isEmpty, scan.isSingleLookup { return nil }
        return Self.page(rows, dates: Self.customDates(flattener))
    }

    private func recordTable(of table: TableDefinition) -> TableDefinition {
        SnapshotQuery.recordTable(of: table, catalog) ?? table
    }

    /// The store's pages of a query, each as a flattened page.
    private func stream(_ query: SnapshotQuery, dates: [CustomDate]) -> AsyncThrowingStream<FlattenedPage, any Error> {
        let rows = RowPages(store.rows(of: query, pageRows: pageSize))
        return AsyncThrowingStream {
            guard let page = try await rows.next() else { return nil }
            return Self.page(page, dates: dates)
        }
    }

    /// A snapshot holds each record once, so its rows need no deduplication by id (NULL skips it).
    private static func page(_ rows: [[Value]], dates: [CustomDate]) -> FlattenedPage {
        let shown = dates.isEmpty ? rows : rows.map { row in
            var row = row
            for date in dates {
                if case .timestamp(let stored) = row[date.slot] { row[date.slot] = .timestamp(CustomFieldDate.fromStored(stored, in: date.zone)) }
            }
            return row
        }
        return FlattenedPage(records: [FlattenedRecord(id: .null, rows: shown)], recordCount: rows.count, coercionFailures: 0)
    }

    /// A custom date column the scan reads, and the session zone its day is shown in.
    private typealias CustomDate = (slot: Int, zone: TimeZone)

    /// The snapshot keeps a custom date as its day's midnight in UTC; a live query shows the day's
    /// midnight in the session zone, which the table's custom columns were built with.
    private static func customDates(_ flattener: Flattener) -> [CustomDate] {
        flattener.table.columns.enumerated().compactMap { index, column in
            guard case .date(let zone)? = column.customField?.rule, flattener.columnsRead?.contains(index) ?? true,
                let slot = flattener.layout.slot(ofColumn: index)
            else { return nil }
            return (slot, zone)
        }
    }
}

/// The store's pages, read one after another by the single consumer of a scan's stream.
private final class RowPages: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<[[Value]], any Error>.AsyncIterator

    init(_ pages: AsyncThrowingStream<[[Value]], any Error>) {
        iterator = pages.makeAsyncIterator()
    }

    func next() async throws -> [[Value]]? { try await iterator.next() }
}
