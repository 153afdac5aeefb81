import NectarCatalog
import NectarSnapshot
import NectarSource

/// Scans read from a snapshot instead of the API: each listing or lookup the planner built is
/// read back as the filters and projection it stands for and answered by a parameterised SQL
/// query (SQLite or PostgreSQL, whichever store it is), streamed a page of rows at a time. It sends no request. The local filter above every
/// scan still decides the answer; the SQL only narrows what reaches it.
struct SnapshotPageFetcher: PageFetching {
    let store: any SnapshotStoring
    let catalog: Catalog
    /// Rows per page: a snapshot page costs no round trip, so pages are large.
    let pageSize: Int

    func pages(of request: PageRequest, flattener: Flattener, firstPage: Int, maxPages: Int?)
        -> AsyncThrowingStream<FlattenedPage, any Error>
    {
        let table = flattener.table
        let scan = SnapshotScan(request: request, table: table, recordTable: recordTable(of: table))
        let query = SnapshotQuery(
            scan, catalog: catalog, dialect: store.dialect, offset: max(0, firstPage - 1) * pageSize,
            limit: maxPages.map { $0 * pageSize })
        let rows = RowPages(store.rows(of: query, width: table.columns.count, pageRows: pageSize))
        return AsyncThrowingStream {
            guard let page = try await rows.next() else { return nil }
            return Self.page(page)
        }
    }

    func lookup(path: String, flattener: Flattener) async throws -> FlattenedPage? {
        let table = flattener.table
        guard let scan = SnapshotScan(lookupPath: path, table: table, recordTable: recordTable(of: table)) else {
            throw SnapshotError("the snapshot cannot answer the lookup \(path)")
        }
        let query = SnapshotQuery(scan, catalog: catalog, dialect: store.dialect)
        var rows: [[Value]] = []
        for try await page in store.rows(of: query, width: table.columns.count, pageRows: pageSize) { rows += page }
        if rows.isEmpty, scan.isSingleLookup { return nil }
        return Self.page(rows)
    }

    private func recordTable(of table: TableDefinition) -> TableDefinition {
        SnapshotQuery.recordTable(of: table, catalog) ?? table
    }

    /// A snapshot holds each record once, so its rows need no deduplication by id (NULL skips it).
    private static func page(_ rows: [[Value]]) -> FlattenedPage {
        FlattenedPage(records: [FlattenedRecord(id: .null, rows: rows)], recordCount: rows.count, coercionFailures: 0)
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
