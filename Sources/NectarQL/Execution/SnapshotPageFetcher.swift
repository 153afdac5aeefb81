import NectarCatalog
import NectarSnapshot
import NectarSource

/// Scans read from a snapshot file instead of the API: each listing or lookup the planner built is
/// read back as the filters it stands for and answered by a parameterised SQLite query that
/// selects only the columns the scan's flattener would decode, streamed a page of rows at a time. It sends no request. The local filter above every
/// scan still decides the answer; the SQL only narrows what reaches it.
struct SnapshotPageFetcher: PageFetching {
    let store: SnapshotStore
    let catalog: Catalog
    /// Rows per page: a snapshot page costs no round trip, so pages are large.
    let pageSize: Int

    func pages(of request: PageRequest, flattener: Flattener, firstPage: Int, maxPages: Int?)
        -> AsyncThrowingStream<FlattenedPage, any Error>
    {
        let table = flattener.table
        let scan = SnapshotScan(request: request, table: table, recordTable: recordTable(of: table))
        let query = SnapshotQuery(
            scan, catalog: catalog, columns: flattener.columnsRead, offset: max(0, firstPage - 1) * pageSize,
            limit: maxPages.map { $0 * pageSize })
        return stream(query, width: table.columns.count)
    }

    /// A fan-out's listings (every status of oportunidades) are read by one query: the file has
    /// no per-status paging to respect, and one pass over the table beats one per listing.
    func pages(ofListings requests: [PageRequest], flattener: Flattener) -> [AsyncThrowingStream<FlattenedPage, any Error>] {
        let table = flattener.table
        let records = recordTable(of: table)
        let scans = requests.map { SnapshotScan(request: $0, table: table, recordTable: records) }
        guard let merged = SnapshotScan.merging(scans, scope: records.endpoint.requiredScope) else {
            return requests.map { pages(of: $0, flattener: flattener, firstPage: 1, maxPages: nil) }
        }
        return [stream(SnapshotQuery(merged, catalog: catalog, columns: flattener.columnsRead), width: table.columns.count)]
    }

    func lookup(path: String, flattener: Flattener) async throws -> FlattenedPage? {
        let table = flattener.table
        guard let scan = SnapshotScan(lookupPath: path, table: table, recordTable: recordTable(of: table)) else {
            throw SnapshotError("the snapshot cannot answer the lookup \(path)")
        }
        let reader = try SnapshotReader(
            SnapshotQuery(scan, catalog: catalog, columns: flattener.columnsRead), width: table.columns.count, store: store)
        var rows: [[Value]] = []
        while case let page = try reader.next(pageSize), !page.isEmpty { rows += page }
        if rows.isEmpty, scan.isSingleLookup { return nil }
        return Self.page(rows)
    }

    private func recordTable(of table: TableDefinition) -> TableDefinition {
        SnapshotQuery.recordTable(of: table, catalog) ?? table
    }

    private func stream(_ query: SnapshotQuery, width: Int) -> AsyncThrowingStream<FlattenedPage, any Error> {
        let reader: SnapshotReader
        do {
            reader = try SnapshotReader(query, width: width, store: store)
        } catch {
            return AsyncThrowingStream { throw error }
        }
        let pageSize = self.pageSize
        return AsyncThrowingStream {
            try Task.checkCancellation()
            let rows = try reader.next(pageSize)
            return rows.isEmpty ? nil : Self.page(rows)
        }
    }

    /// A snapshot holds each record once, so its rows need no deduplication by id (NULL skips it).
    private static func page(_ rows: [[Value]]) -> FlattenedPage {
        FlattenedPage(records: [FlattenedRecord(id: .null, rows: rows)], recordCount: rows.count, coercionFailures: 0)
    }
}
