import NectarCatalog
import NectarSource

/// Listings read one after the other when a `limit` sits right above the scan: it asks for only
/// the pages the remaining rows need, so `select * from contatos limit 5` is one request.
final class BudgetedFeed: PageFeed {
    /// The listing being read and where it stands.
    private struct Cursor {
        let request: PageRequest
        var iterator: AsyncThrowingStream<FlattenedPage, any Error>.AsyncIterator
        var nextPage: Int
        /// Pages the stream may still deliver before its allowance runs out.
        var pagesLeft: Int
        var lastPageWasFull = true

        /// The stream ended because its page allowance ran out while pages were still full, not
        /// because the listing ended: a short or empty page ends a stream before its allowance.
        var stoppedAtAllowance: Bool { pagesLeft == 0 && lastPageWasFull }
    }

    private let flattener: Flattener
    private let fetcher: PageFetching
    private var pendingRequests: [PageRequest]
    private var cursor: Cursor?
    private var rowBudget: Int

    init(_ requests: [PageRequest], rowBudget: Int, flattener: Flattener, fetcher: PageFetching) {
        self.flattener = flattener
        self.fetcher = fetcher
        self.pendingRequests = requests
        self.rowBudget = rowBudget
    }

    func nextPage() async throws -> FlattenedPage? {
        while rowBudget > 0 {
            try Task.checkCancellation()
            if cursor == nil {
                guard !pendingRequests.isEmpty else { return nil }
                cursor = open(pendingRequests.removeFirst(), from: 1)
            }
            guard let page = try await cursor?.iterator.next() else {
                continueOrClose()
                continue
            }
            cursor?.nextPage += 1
            cursor?.pagesLeft -= 1
            cursor?.lastPageWasFull = page.recordCount >= fetcher.pageSize
            return page
        }
        return nil
    }

    func delivered(rows: Int) {
        rowBudget -= rows
    }

    private func open(_ request: PageRequest, from page: Int) -> Cursor {
        let maxPages = max(1, (rowBudget + fetcher.pageSize - 1) / fetcher.pageSize)
        let stream = fetcher.pages(of: request, flattener: flattener, firstPage: page, maxPages: maxPages)
        return Cursor(request: request, iterator: stream.makeAsyncIterator(), nextPage: page, pagesLeft: maxPages)
    }

    /// A listing that stopped at its page allowance while its pages were still full (child rows or
    /// duplicates gave fewer rows than expected) goes on from the next page; otherwise it is done.
    private func continueOrClose() {
        guard let finished = cursor else { return }
        cursor = nil
        if finished.stoppedAtAllowance, rowBudget > 0 {
            cursor = open(finished.request, from: finished.nextPage)
        }
    }
}
