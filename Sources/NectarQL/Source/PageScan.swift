/// The pages of one listing, fetched through a sliding window and handed out in page order.
///
/// Up to `window` requests are in flight (each still waits for a permit of the client's global
/// limit). A page leaves the window as soon as its body shows it is full, while it still
/// decodes, so decoding overlaps the next requests; pages waiting for the consumer are bounded
/// too, at another `window`. The first page shorter than `pageSize` ends the listing: pages
/// after it that are still in flight are cancelled, so at most `window - 1` requests go past
/// the end. With `slowStart` the first page goes alone: most listings that filters and per-key
/// lookups produce fit in one page, and speculating on them would quadruple the requests for nothing.
actor PageScan<Content: Sendable> {
    private enum Slot {
        case ready(DecodedPage<Content>)
        case running(Task<DecodedPage<Content>, any Error>)
    }

    private let pageSize: Int
    private let window: Int
    private let cached: @Sendable (Int) -> DecodedPage<Content>?
    /// Loads a page, sending the notice once the page's body shows it is full.
    private let load: @Sendable (Int, FullPageNotice) async throws -> DecodedPage<Content>
    private var slots: [Int: Slot] = [:]
    /// Running pages known to be full: their request is done and only decoding remains.
    private var knownFull: Set<Int> = []
    /// Whether a page has been seen full, which ends the slow start.
    private var opened = false
    /// Whether a page's full-page notice could start another page now; read by loading tasks.
    private nonisolated let noticeWanted = Locked(true)
    private var nextToLaunch: Int
    private var nextToDeliver: Int
    private let slowStart: Bool
    /// The last page the caller wants (a `limit` needs no more); nil: to the end of the listing.
    private let lastAllowed: Int?
    /// Set when a cached short page tells where the listing ends before it is delivered.
    private var lastPage: Int?
    private var finished = false

    init(
        pageSize: Int, window: Int, firstPage: Int = 1, maxPages: Int? = nil, slowStart: Bool = true,
        cached: @escaping @Sendable (Int) -> DecodedPage<Content>?,
        load: @escaping @Sendable (Int, FullPageNotice) async throws -> DecodedPage<Content>
    ) {
        self.pageSize = pageSize
        self.window = max(1, window)
        self.slowStart = slowStart
        let start = max(1, firstPage)
        nextToLaunch = start
        nextToDeliver = start
        lastAllowed = maxPages.map { start + max(0, $0) - 1 }
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
        // The slot stays while awaited, so pages arriving meanwhile still count its request.
        guard let slot = slots[nextToDeliver] else {
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
        slots.removeValue(forKey: nextToDeliver)
        knownFull.remove(nextToDeliver)
        nextToDeliver += 1
        refreshNoticeWanted()
        if page.recordCount < pageSize {
            finish()
            // An empty page past the end carries nothing worth a batch.
            if page.recordCount == 0 { return nil }
        }
        opened = true
        return page.content
    }

    /// A running page's body showed a full page: its request no longer holds the window.
    private func pageIsFull(_ number: Int) {
        guard !finished, case .running = slots[number] else { return }
        knownFull.insert(number)
        opened = true
        fillWindow()
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

    /// Starts pages until `window` requests are in flight (one until a page has come back full)
    /// or `window` more pages wait for the consumer, taking cached ones without a request.
    private func fillWindow() {
        while requestsInFlight < width, slots.count < width + window, hasPagesToLaunch {
            let number = nextToLaunch
            nextToLaunch += 1
            if let page = cached(number) {
                slots[number] = .ready(page)
                if page.recordCount < pageSize { lastPage = number }
            } else {
                let load = self.load
                let notice = FullPageNotice(isWanted: { [noticeWanted] in noticeWanted.withLock { $0 } }) { [weak self] in
                    guard let scan = self else { return }
                    Task { await scan.pageIsFull(number) }
                }
                slots[number] = .running(Task { try await load(number, notice) })
            }
        }
        refreshNoticeWanted()
    }

    /// A page known full early helps only while there is room for another page and pages left
    /// to ask for; otherwise the consumer's next call starts the next page anyway.
    private func refreshNoticeWanted() {
        let wanted = !finished && hasPagesToLaunch && slots.count < width + window
        noticeWanted.withLock { $0 = wanted }
    }

    /// Requests allowed in flight: one until a page has come back full, with `slowStart`.
    private var width: Int { slowStart && !opened ? 1 : window }

    /// Whether a page past the last launched one may exist and is wanted.
    private var hasPagesToLaunch: Bool {
        (lastPage.map { nextToLaunch <= $0 } ?? true) && (lastAllowed.map { nextToLaunch <= $0 } ?? true)
    }

    private var requestsInFlight: Int {
        slots.count { number, slot in
            if case .running = slot { !knownFull.contains(number) } else { false }
        }
    }

    private func finish() {
        finished = true
        for case .running(let task) in slots.values { task.cancel() }
        slots.removeAll()
        knownFull.removeAll()
        noticeWanted.withLock { $0 = false }
    }
}
