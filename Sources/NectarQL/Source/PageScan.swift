/// The pages of one listing, fetched through a sliding window and handed out in page order.
///
/// Up to `window` requests are in flight (each still waits for a permit of the client's global
/// limit). A page leaves the window as soon as its body shows it is full, while it still
/// decodes, so decoding overlaps the next requests; pages waiting for the consumer are bounded
/// too, at another `window`. A page that contradicts the page size (larger than asked, or short
/// while the next page holds records) fails the scan with `PagingInconsistency` rather than end it
/// silently. The first page shorter than `pageSize` ends the listing: pages
/// after it that are still in flight are cancelled, so at most `window - 1` requests go past
/// the end. With `slowStart` the first page goes alone: most listings that filters and per-key
/// lookups produce fit in one page, and speculating on them would quadruple the requests for nothing.
/// With `expectedLastPage` (a remembered size) pages up to it go out at once and none past it,
/// unless it comes back full.
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
    /// Record counts of loaded pages not yet delivered, written by the loading tasks as they finish.
    private nonisolated let arrived = Locked<[Int: Int]>([:])
    private var nextToLaunch: Int
    private var nextToDeliver: Int
    private let slowStart: Bool
    /// The last page the caller wants (a `limit` needs no more); nil: to the end of the listing.
    private let lastAllowed: Int?
    /// Set when a cached short page tells where the listing ends before it is delivered.
    private var lastPage: Int?
    /// The page that should end the listing, from its remembered size: pages up to it go out at
    /// once, none past it unless the listing turns out to have grown.
    private let expectedLastPage: Int?
    /// A page at or past `expectedLastPage` came back full: the remembered size is stale.
    private var grown = false
    /// Told the last page and its records when a short page ends the listing.
    private let ended: @Sendable (_ page: Int, _ records: Int) -> Void
    private var finished = false

    init(
        pageSize: Int, window: Int, firstPage: Int = 1, maxPages: Int? = nil, slowStart: Bool = true,
        expectedLastPage: Int? = nil, ended: @escaping @Sendable (_ page: Int, _ records: Int) -> Void = { _, _ in },
        cached: @escaping @Sendable (Int) -> DecodedPage<Content>?,
        load: @escaping @Sendable (Int, FullPageNotice) async throws -> DecodedPage<Content>
    ) {
        self.pageSize = pageSize
        self.window = max(1, window)
        self.slowStart = slowStart
        self.expectedLastPage = expectedLastPage
        self.ended = ended
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
        // Cached pages need no request, so without this check a cancelled reader would never stop.
        if Task.isCancelled {
            finish()
            throw CancellationError()
        }
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
        let number = nextToDeliver
        slots.removeValue(forKey: number)
        knownFull.remove(number)
        arrived.withLock { $0[number] = nil }
        nextToDeliver += 1
        refreshNoticeWanted()
        if let inconsistency = inconsistency(of: page, number: number) {
            finish()
            throw inconsistency
        }
        if page.recordCount < pageSize {
            ended(number, page.recordCount)
            finish()
            // An empty page past the end carries nothing worth a batch.
            if page.recordCount == 0 { return nil }
        }
        opened = true
        noteFull(number)
        return page.content
    }

    /// Whether `page` contradicts the paging asked for (checked before its shortness ends the
    /// listing). A short page is checked against the next one when the window's speculative
    /// request for it has already come back: proof of the end at no extra request or wait.
    private func inconsistency(of page: DecodedPage<Content>, number: Int) -> PagingInconsistency? {
        if page.recordCount > pageSize { return .largerThanAsked(page: number, records: page.recordCount) }
        guard page.recordCount > 0, page.recordCount < pageSize, let nextRecords = recordsArrived(onPage: number + 1),
            nextRecords > 0
        else { return nil }
        return .shortBeforeMore(page: number, records: page.recordCount, nextRecords: nextRecords)
    }

    /// How many records page `number` holds, if it is cached or its request has come back.
    private func recordsArrived(onPage number: Int) -> Int? {
        switch slots[number] {
        case .ready(let page): page.recordCount
        case .running: arrived.withLock { $0[number] } ?? (knownFull.contains(number) ? pageSize : nil)
        case nil: nil
        }
    }

    /// A running page's body showed a full page: its request no longer holds the window.
    private func pageIsFull(_ number: Int) {
        guard !finished, case .running = slots[number] else { return }
        knownFull.insert(number)
        opened = true
        noteFull(number)
        fillWindow()
    }

    private func noteFull(_ number: Int) {
        if let expectedLastPage, number >= expectedLastPage { grown = true }
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
                let notice = FullPageNotice(
                    expectsFullPage: expectedLastPage.map { number < $0 } ?? false,
                    isWanted: { [noticeWanted] in noticeWanted.withLock { $0 } }
                ) { [weak self] in
                    guard let scan = self else { return }
                    Task { await scan.pageIsFull(number) }
                }
                slots[number] = .running(Task { [arrived] in
                    let page = try await load(number, notice)
                    arrived.withLock { $0[number] = page.recordCount }
                    return page
                })
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

    /// Requests allowed in flight: one until a page has come back full, with `slowStart` and
    /// no remembered size.
    private var width: Int { slowStart && !opened && expectedLastPage == nil ? 1 : window }

    /// Whether a page past the last launched one may exist and is wanted.
    private var hasPagesToLaunch: Bool {
        (lastPage.map { nextToLaunch <= $0 } ?? true) && (lastAllowed.map { nextToLaunch <= $0 } ?? true)
            && isExpected(nextToLaunch)
    }

    /// Whether the remembered size allows starting `page`: the page the consumer waits for always is.
    private func isExpected(_ page: Int) -> Bool {
        guard let expectedLastPage, !grown else { return true }
        return page <= max(expectedLastPage, nextToDeliver)
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
        arrived.withLock { $0.removeAll() }
        noticeWanted.withLock { $0 = false }
    }
}
