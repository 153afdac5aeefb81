/// The paging decisions of one listing, as a value: which pages to ask for, when the listing has
/// ended, and when a page contradicts the page size. It holds no task, socket or clock; each
/// event returns what its driver (`PageScan`) must do, so every rule is tested by feeding events.
///
/// Up to `window` requests are in flight, and at most `window` more pages wait for the consumer.
/// A page leaves the window as soon as its body shows it is full (its decoding overlaps the next
/// requests). The first page shorter than `pageSize` ends the listing; pages after it still in
/// flight are cancelled. With `slowStart` the first page goes alone until a page comes back full
/// (most filtered listings fit in one page). With `expectedLastPage` (a remembered size) pages up
/// to it go out at once and none past it, unless it comes back full.
struct PageWindow: Equatable {
    enum Slot: Equatable {
        /// Answered from the cache, holding this many records.
        case cached(records: Int)
        /// Requested; `full` once its body showed a full page (its request is then done).
        case requested(full: Bool)
    }

    /// What the driver does to start a page.
    enum Start: Equatable {
        case request(page: Int)
        case takeCached(page: Int)
    }

    /// What the consumer gets after the page it waited for was decoded.
    enum Delivery: Equatable {
        /// Hand the page over; more may follow.
        case page
        /// Hand the page over: it is the last (`records` on it). Cancel `cancelling`.
        case lastPage(number: Int, records: Int, cancelling: [Int])
        /// The listing ended on an empty page: nothing to hand over. Cancel `cancelling`.
        case endedEmpty(number: Int, cancelling: [Int])
        /// The page contradicts the paging: fail the scan. Cancel `cancelling`.
        case inconsistent(PagingInconsistency, cancelling: [Int])
    }

    let pageSize: Int
    let window: Int
    let slowStart: Bool
    /// The page that should end the listing, from its remembered size.
    let expectedLastPage: Int?
    /// The last page the caller wants (a `limit` needs no more); nil: to the end of the listing.
    let lastAllowed: Int?

    private(set) var slots: [Int: Slot] = [:]
    private(set) var nextToLaunch: Int
    private(set) var nextToDeliver: Int
    /// Whether a page has been seen full, which ends the slow start.
    private var opened = false
    /// Set when a cached short page tells where the listing ends before it is delivered.
    private var lastPage: Int?
    /// A page at or past `expectedLastPage` came back full: the remembered size is stale.
    private var grown = false
    private(set) var finished = false

    init(pageSize: Int, window: Int, firstPage: Int = 1, maxPages: Int? = nil, slowStart: Bool = true, expectedLastPage: Int? = nil) {
        self.pageSize = pageSize
        self.window = max(1, window)
        self.slowStart = slowStart
        self.expectedLastPage = expectedLastPage
        let start = max(1, firstPage)
        nextToLaunch = start
        nextToDeliver = start
        lastAllowed = maxPages.map { start + max(0, $0) - 1 }
    }

    // MARK: events

    /// Starts pages while the window has room; `cachedRecords` tells which pages the cache
    /// answers (and how many records they hold) so they take no request.
    mutating func fill(cachedRecords: (Int) -> Int?) -> [Start] {
        var starts: [Start] = []
        while !finished, requestsInFlight < width, slots.count < width + window, hasPagesToLaunch {
            let number = nextToLaunch
            nextToLaunch += 1
            if let records = cachedRecords(number) {
                slots[number] = .cached(records: records)
                if records < pageSize { lastPage = number }
                starts.append(.takeCached(page: number))
            } else {
                slots[number] = .requested(full: false)
                starts.append(.request(page: number))
            }
        }
        return starts
    }

    /// A requested page's body showed a full page: its request no longer holds the window.
    mutating func pageIsFull(_ number: Int, cachedRecords: (Int) -> Int?) -> [Start] {
        guard !finished, case .requested = slots[number] else { return [] }
        slots[number] = .requested(full: true)
        opened = true
        noteFull(number)
        return fill(cachedRecords: cachedRecords)
    }

    /// The page the consumer waits for next, after filling the window; nil when the listing is
    /// over (the driver then finishes).
    mutating func pageToAwait(cachedRecords: (Int) -> Int?) -> (number: Int, starts: [Start])? {
        guard !finished else { return nil }
        let starts = fill(cachedRecords: cachedRecords)
        guard slots[nextToDeliver] != nil else { return nil }
        return (nextToDeliver, starts)
    }

    /// The awaited page was decoded with `records` records: hand it over, end, or fail.
    /// `arrivedRecords` tells how many records pages still in the window held, for those whose
    /// request has already come back (their loading tasks report it as they finish).
    mutating func deliver(records: Int, arrivedRecords: (Int) -> Int? = { _ in nil }) -> Delivery {
        let number = nextToDeliver
        slots.removeValue(forKey: number)
        nextToDeliver += 1
        if let inconsistency = inconsistency(records: records, number: number, arrivedRecords: arrivedRecords) {
            return .inconsistent(inconsistency, cancelling: finish())
        }
        if records < pageSize {
            let cancelling = finish()
            return records == 0 ? .endedEmpty(number: number, cancelling: cancelling) : .lastPage(number: number, records: records, cancelling: cancelling)
        }
        opened = true
        noteFull(number)
        return .page
    }

    /// Ends the listing (a failure or cancellation); returns the requested pages to cancel.
    mutating func finish() -> [Int] {
        finished = true
        let running = slots.filter { if case .requested = $0.value { true } else { false } }.keys.sorted()
        slots.removeAll()
        return running
    }

    // MARK: what the state says

    /// Whether a full-page notice could start another page now; otherwise the consumer's next
    /// call starts it anyway, and loading tasks need not report early.
    var wantsFullPageNotice: Bool { !finished && hasPagesToLaunch && slots.count < width + window }

    /// Whether page `number` is asked for expecting it full (below the remembered last page).
    func expectsFullPage(_ number: Int) -> Bool { expectedLastPage.map { number < $0 } ?? false }

    /// Requests holding the window: requested pages not yet known to be full.
    var requestsInFlight: Int {
        slots.values.count { $0 == .requested(full: false) }
    }

    /// Requests allowed in flight: one until a page has come back full, with `slowStart` and no
    /// remembered size.
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

    private mutating func noteFull(_ number: Int) {
        if let expectedLastPage, number >= expectedLastPage { grown = true }
    }

    /// Whether the page contradicts the paging asked for. A short page is checked against the
    /// next one when that page's request has already come back: proof at no extra request or wait.
    private func inconsistency(records: Int, number: Int, arrivedRecords: (Int) -> Int?) -> PagingInconsistency? {
        if records > pageSize { return .largerThanAsked(page: number, records: records) }
        guard records > 0, records < pageSize, let next = recordsKnown(onPage: number + 1, arrivedRecords), next > 0 else { return nil }
        return .shortBeforeMore(page: number, records: records, nextRecords: next)
    }

    /// How many records page `number` holds, if it is cached or its request has come back.
    private func recordsKnown(onPage number: Int, _ arrivedRecords: (Int) -> Int?) -> Int? {
        switch slots[number] {
        case .cached(let records): records
        case .requested(let full): arrivedRecords(number) ?? (full ? pageSize : nil)
        case nil: nil
        }
    }
}
