import NectarCatalog
import NectarSource

/// Reads listings one after the other when a `limit` sits right above the scan: it asks for only
/// the pages the remaining rows need, so `select * from contatos limit 5` is one request.
final class BudgetedScanOperator: RowOperator {
    /// The listing being read and where it stands.
    private struct Cursor {
        let request: PageRequest
        var iterator: AsyncThrowingStream<FlattenedPage, any Error>.AsyncIterator
        var nextPage: Int
        var lastPageWasFull = true
    }

    private let flattener: Flattener
    private let fetcher: PageFetching
    private var pendingRequests: [PageRequest]
    private var cursor: Cursor?
    private var rowBudget: Int
    private var deduplicator = RecordDeduplicator()
    private let recorder: ScanRecorder

    init(table: TableDefinition, requests: [PageRequest], fetcher: PageFetching, rowBudget: Int, recorder: ScanRecorder) {
        flattener = Flattener(table: table)
        self.fetcher = fetcher
        self.pendingRequests = requests
        self.rowBudget = rowBudget
        self.recorder = recorder
    }

    func next() async throws -> [[Value]]? {
        while rowBudget > 0 {
            if cursor == nil {
                guard !pendingRequests.isEmpty else { return nil }
                cursor = open(pendingRequests.removeFirst(), from: 1)
            }
            guard let page = try await cursor?.iterator.next() else {
                continueOrClose()
                continue
            }
            cursor?.nextPage += 1
            cursor?.lastPageWasFull = page.recordCount >= fetcher.pageSize
            let rows = deduplicator.rows(of: page)
            recorder.record(rows: rows.count, from: [page])
            rowBudget -= rows.count
            if !rows.isEmpty { return rows }
        }
        return nil
    }

    private func open(_ request: PageRequest, from page: Int) -> Cursor {
        let maxPages = max(1, (rowBudget + fetcher.pageSize - 1) / fetcher.pageSize)
        let stream = fetcher.pages(of: request, flattener: flattener, firstPage: page, maxPages: maxPages, expectsManyPages: maxPages > 1)
        return Cursor(request: request, iterator: stream.makeAsyncIterator(), nextPage: page)
    }

    /// A listing that stopped at its page allowance while its pages were still full (child rows or
    /// duplicates gave fewer rows than expected) goes on from the next page; otherwise it is done.
    private func continueOrClose() {
        guard let finished = cursor else { return }
        cursor = nil
        if finished.lastPageWasFull, rowBudget > 0 {
            cursor = open(finished.request, from: finished.nextPage)
        }
    }
}
