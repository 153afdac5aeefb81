/// The pages of one listing, fetched through a sliding window and handed out in page order.
///
/// Up to `window` pages are requested ahead of the consumer (each still waits for a permit of the
/// client's global limit). The first page shorter than `pageSize` ends the listing: pages after it
/// that are still in flight are cancelled, so at most `window - 1` requests go past the end.
/// With `slowStart` the first page goes alone: most listings that filters and per-key lookups
/// produce fit in one page, and speculating on them would quadruple the requests for nothing.
actor PageScan<Content: Sendable> {
    private enum Slot {
        case ready(DecodedPage<Content>)
        case running(Task<DecodedPage<Content>, any Error>)
    }

    private let pageSize: Int
    private let window: Int
    private let cached: @Sendable (Int) -> DecodedPage<Content>?
    private let load: @Sendable (Int) async throws -> DecodedPage<Content>
    private var slots: [Int: Slot] = [:]
    private var nextToLaunch: Int
    private var nextToDeliver: Int
    private let firstPage: Int
    private let slowStart: Bool
    /// The last page the caller wants (a `limit` needs no more); nil: to the end of the listing.
    private let lastAllowed: Int?
    /// Set when a cached short page tells where the listing ends before it is delivered.
    private var lastPage: Int?
    private var finished = false

    init(
        pageSize: Int, window: Int, firstPage: Int = 1, maxPages: Int? = nil, slowStart: Bool = true,
        cached: @escaping @Sendable (Int) -> DecodedPage<Content>?,
        load: @escaping @Sendable (Int) async throws -> DecodedPage<Content>
    ) {
        self.pageSize = pageSize
        self.window = max(1, window)
        self.firstPage = max(1, firstPage)
        self.slowStart = slowStart
        nextToLaunch = max(1, firstPage)
        nextToDeliver = max(1, firstPage)
        lastAllowed = maxPages.map { max(1, firstPage) + max(0, $0) - 1 }
        self.cached = cached
        self.load = load
    }

    deinit {
        for case .running(let task) in slots.values { task.cancel() }
    }

    /// The next page's content, or `nil` after the last page.
    func next() async throws -> Content? {
        guard !finished else { return nil }
        fillWindow()
        guard let slot = slots.removeValue(forKey: nextToDeliver) else {
            finish()
            return nil
        }
        let page: DecodedPage<Content>
        do {
            page = try await value(of: slot)
        } catch {
            finish()
            throw error
        }
        nextToDeliver += 1
        if page.recordCount < pageSize {
            finish()
            // An empty page past the end carries nothing worth a batch.
            if page.recordCount == 0 { return nil }
        }
        return page.content
    }

    private func value(of slot: Slot) async throws -> DecodedPage<Content> {
        switch slot {
        case .ready(let page):
            return page
        case .running(let task):
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        }
    }

    /// Starts pages until `window` are pending (one until the first page has come back full),
    /// taking cached ones without a request.
    private func fillWindow() {
        let width = slowStart && nextToDeliver == firstPage ? 1 : window
        while slots.count < width, lastPage.map({ nextToLaunch <= $0 }) ?? true,
            lastAllowed.map({ nextToLaunch <= $0 }) ?? true
        {
            let number = nextToLaunch
            nextToLaunch += 1
            if let page = cached(number) {
                slots[number] = .ready(page)
                if page.recordCount < pageSize { lastPage = number }
            } else {
                let load = self.load
                slots[number] = .running(Task { try await load(number) })
            }
        }
    }

    private func finish() {
        finished = true
        for case .running(let task) in slots.values { task.cancel() }
        slots.removeAll()
    }
}
