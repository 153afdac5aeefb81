/// The pages of one listing, fetched through a sliding window and handed out in page order.
///
/// `PageWindow` decides (which pages to ask for, when the listing ends, when a page contradicts
/// the page size); this actor carries its decisions out: it runs the requests as tasks, takes
/// cached pages, cancels what the window drops, and tells the window what happened. Each request
/// still waits for a permit of the client's global limit.
actor PageScan<Content: Sendable> {
    private var window: PageWindow
    private var requests: [Int: Task<DecodedPage<Content>, any Error>] = [:]
    private var cachedPages: [Int: DecodedPage<Content>] = [:]
    private let cached: @Sendable (Int) -> DecodedPage<Content>?
    /// Loads a page, sending the notice once the page's body shows it is full.
    private let load: @Sendable (Int, FullPageNotice) async throws -> DecodedPage<Content>
    /// Told the last page and its records when a short page ends the listing.
    private let ended: @Sendable (_ page: Int, _ records: Int) -> Void
    /// Where request tasks and their full-page notices run (see `EventLoopTaskExecutor`); nil:
    /// the global pool.
    private nonisolated let executor: (any TaskExecutor)?
    /// Whether a page's full-page notice could start another page now; read by loading tasks.
    private nonisolated let noticeWanted = Locked(true)
    /// Record counts of requested pages whose load has finished, written by the loading tasks
    /// as they finish (before this actor hears of it), for the window's consistency check.
    private nonisolated let arrived = Locked<[Int: Int]>([:])

    init(
        pageSize: Int, window: Int, firstPage: Int = 1, maxPages: Int? = nil, slowStart: Bool = true,
        expectedLastPage: Int? = nil, executor: (any TaskExecutor)? = nil,
        ended: @escaping @Sendable (_ page: Int, _ records: Int) -> Void = { _, _ in },
        cached: @escaping @Sendable (Int) -> DecodedPage<Content>?,
        load: @escaping @Sendable (Int, FullPageNotice) async throws -> DecodedPage<Content>
    ) {
        self.window = PageWindow(
            pageSize: pageSize, window: window, firstPage: firstPage, maxPages: maxPages, slowStart: slowStart,
            expectedLastPage: expectedLastPage)
        self.ended = ended
        self.executor = executor
        self.cached = cached
        self.load = load
    }

    deinit {
        for task in requests.values { task.cancel() }
    }

    /// The next page's content, or `nil` after the last page.
    func next() async throws -> Content? {
        guard !window.finished else { return nil }
        // Cached pages need no request, so without this check a cancelled reader would never stop.
        if Task.isCancelled {
            finish()
            throw CancellationError()
        }
        guard let (number, starts) = window.pageToAwait(cachedRecords: takeCached) else {
            finish()
            return nil
        }
        start(starts)
        let page: DecodedPage<Content>
        do {
            page = try await value(of: number)
        } catch {
            finish()
            throw error
        }
        requests[number] = nil
        cachedPages[number] = nil
        arrived.withLock { $0[number] = nil }
        let delivery = window.deliver(records: page.recordCount) { [arrived] page in arrived.withLock { $0[page] } }
        refreshNoticeWanted()
        switch delivery {
        case .page:
            return page.content
        case .lastPage(let last, let records, let cancelling):
            ended(last, records)
            cancel(cancelling)
            return page.content
        case .endedEmpty(let last, let cancelling):
            ended(last, 0)
            cancel(cancelling)
            return nil
        case .inconsistent(let inconsistency, let cancelling):
            cancel(cancelling)
            throw inconsistency
        }
    }

    /// A requested page's body showed a full page: the window may start another.
    private func pageIsFull(_ number: Int) {
        start(window.pageIsFull(number, cachedRecords: takeCached))
    }

    /// Takes page `number` from the cache when it is there; its record count for the window.
    private func takeCached(_ number: Int) -> Int? {
        guard let page = cached(number) else { return nil }
        cachedPages[number] = page
        return page.recordCount
    }

    /// Starts the requests the window asked for (cached pages were taken while it decided).
    private func start(_ starts: [PageWindow.Start]) {
        for case .request(let number) in starts {
            let load = self.load
            let notice = FullPageNotice(
                expectsFullPage: window.expectsFullPage(number),
                isWanted: { [noticeWanted] in noticeWanted.withLock { $0 } }
            ) { [weak self] in
                guard let scan = self else { return }
                Task(executorPreference: scan.executor) { await scan.pageIsFull(number) }
            }
            requests[number] = Task(executorPreference: executor) { [arrived] in
                let page = try await load(number, notice)
                arrived.withLock { $0[number] = page.recordCount }
                return page
            }
        }
        refreshNoticeWanted()
    }

    private func value(of number: Int) async throws -> DecodedPage<Content> {
        if let page = cachedPages[number] { return page }
        guard let task = requests[number] else { throw CancellationError() }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    private func refreshNoticeWanted() {
        let wanted = window.wantsFullPageNotice
        noticeWanted.withLock { $0 = wanted }
    }

    private func cancel(_ pages: [Int]) {
        for number in pages { requests.removeValue(forKey: number)?.cancel() }
        requests.removeAll()
        cachedPages.removeAll()
        arrived.withLock { $0.removeAll() }
        noticeWanted.withLock { $0 = false }
    }

    private func finish() {
        cancel(window.finish())
    }
}
