import Testing
@testable import NectarSource

/// The window's driver over a fake listing of `total` records in pages of `pageSize`: that its
/// tasks overlap, finish out of order and are cancelled as `PageWindow` decides (whose rules
/// `PageWindowTests` checks without tasks).
@Suite(.timeLimit(.minutes(5))) struct PageScanTests {
    /// Records which pages were loaded and lets pages finish in a chosen order. A page's request
    /// takes `delay`; a full page then says so (as the client does from the body) and decodes,
    /// which takes `decoding`.
    final class FakeListing: Sendable {
        let total: Int
        let pageSize: Int
        let loaded = Locked<[Int]>([])
        let cancelled = Locked<[Int]>([])
        let events = Locked<[String]>([])
        /// Pages whose scan still wanted to hear that they came back full.
        let noticed = Locked<[Int]>([])
        let delay: @Sendable (Int) -> Duration
        let decoding: @Sendable (Int, FakeListing) async throws -> Void

        init(
            total: Int, pageSize: Int, delay: @escaping @Sendable (Int) -> Duration = { _ in .zero },
            decoding: @escaping @Sendable (Int, FakeListing) async throws -> Void = { _, _ in }
        ) {
            self.total = total
            self.pageSize = pageSize
            self.delay = delay
            self.decoding = decoding
        }

        func load(_ page: Int, notice: FullPageNotice) async throws -> DecodedPage<[Int]> {
            loaded.withLock { $0.append(page) }
            events.withLock { $0.append("load \(page)") }
            do {
                try await Task.sleep(for: delay(page))
            } catch {
                cancelled.withLock { $0.append(page) }
                throw error
            }
            let first = (page - 1) * pageSize
            let records = Array(first..<min(max(first, total), first + pageSize))
            if records.count == pageSize, notice.isWanted() {
                noticed.withLock { $0.append(page) }
                notice.send()
            }
            try await decoding(page, self)
            events.withLock { $0.append("decoded \(page)") }
            return DecodedPage(content: records, recordCount: records.count)
        }

        /// Waits until `page` has been requested, at most 30 s by the clock (not by a count of
        /// sleeps, each of which resumes late on a loaded machine).
        func waitUntilLoaded(_ page: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(30)
            while !loaded.withLock({ $0.contains(page) }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    func collect(_ scan: PageScan<[Int]>) async throws -> [Int] {
        var records: [Int] = []
        for _ in 0..<1000 {
            guard let page = try await scan.next() else { return records }
            records += page
        }
        Issue.record("the scan did not end")
        return records
    }

    @Test(arguments: [0, 1, 49, 50, 51, 100, 149, 150])
    func deliversEveryRecordOnceInOrderAndEndsAtTheFirstShortPage(total: Int) async throws {
        let listing = FakeListing(total: total, pageSize: 50)
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, cached: { _ in nil }, load: listing.load)
        #expect(try await collect(scan) == Array(0..<total))
        let lastPage = total / 50 + 1
        let loaded = listing.loaded.withLock { $0 }
        #expect(Set(1...lastPage).isSubset(of: Set(loaded)))
        #expect(loaded.allSatisfy { $0 <= lastPage + 3 }, "at most window - 1 pages past the end")
    }

    @Test func keepsPageOrderWhenLaterPagesArriveFirst() async throws {
        // Page 1 is the slowest, page 4 the fastest.
        let listing = FakeListing(total: 180, pageSize: 50, delay: { .milliseconds(max(0, 40 - 10 * $0)) })
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, cached: { _ in nil }, load: listing.load)
        #expect(try await collect(scan) == Array(0..<180))
    }

    @Test func cancelsPagesInFlightPastTheEnd() async throws {
        // Pages past the end take long; the short page 2 must cancel them rather than wait.
        // Delivering page 1 let the window of 4 reach page 5: three pages past the end.
        let listing = FakeListing(total: 60, pageSize: 50, delay: { $0 > 2 ? .seconds(30) : .zero })
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, cached: { _ in nil }, load: listing.load)
        #expect(try await collect(scan) == Array(0..<60))
        for _ in 0..<200 where listing.cancelled.withLock({ $0.count }) < 3 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(Set(listing.cancelled.withLock { $0 }) == [3, 4, 5])
    }

    @Test func cachedPagesNeedNoLoadAndACachedShortPageStopsTheWindow() async throws {
        let listing = FakeListing(total: 120, pageSize: 50)
        let cached: @Sendable (Int) -> DecodedPage<[Int]>? = { page in
            let first = (page - 1) * 50
            let records = Array(first..<min(max(first, 120), first + 50))
            return page <= 3 ? DecodedPage(content: records, recordCount: records.count) : nil
        }
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, cached: cached, load: listing.load)
        #expect(try await collect(scan) == Array(0..<120))
        #expect(listing.loaded.withLock { $0 }.isEmpty)
    }

    @Test func theNextPageIsRequestedWhileAFullPageStillDecodes() async throws {
        // Page 1 decodes until page 2 has been requested (or two seconds pass): with a window of
        // one, only a page leaving the window when its body shows it full lets page 2 start.
        let listing = FakeListing(total: 120, pageSize: 50, decoding: { page, listing in
            if page == 1 { try await listing.waitUntilLoaded(2) }
        })
        let scan = PageScan<[Int]>(pageSize: 50, window: 1, slowStart: false, cached: { _ in nil }, load: listing.load)
        #expect(try await collect(scan) == Array(0..<120))
        let events = listing.events.withLock { $0 }
        let secondRequested = try #require(events.firstIndex(of: "load 2"))
        let firstDecoded = try #require(events.firstIndex(of: "decoded 1"))
        #expect(secondRequested < firstDecoded, "\(events)")
    }

    @Test func aConsumerThatFallsBehindHoldsAtMostTwoWindowsOfPages() async throws {
        let listing = FakeListing(total: 10_000, pageSize: 50, delay: { _ in .milliseconds(20) })
        let scan = PageScan<[Int]>(pageSize: 50, window: 2, cached: { _ in nil }, load: listing.load)
        #expect(try await scan.next() == Array(0..<50))
        // Page 1 is delivered; two requests in flight and two pages waiting is the most.
        try await listing.waitUntilLoaded(5)
        try await Task.sleep(for: .milliseconds(100))
        #expect(listing.loaded.withLock { $0 }.sorted() == [1, 2, 3, 4, 5])
        // With no room for another page, page 5's body was not even glanced at.
        #expect(!listing.noticed.withLock { $0 }.contains(5))
    }

    @Test func aPageLargerThanAskedFailsTheScanInsteadOfTilingWrongly() async throws {
        // The API serves 60 records a page while the scan asked for 50.
        let listing = FakeListing(total: 200, pageSize: 60)
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, cached: { _ in nil }, load: listing.load)
        await #expect(throws: PagingInconsistency.largerThanAsked(page: 1, records: 60)) { try await scan.next() }
        #expect(try await scan.next() == nil)
    }

    @Test func aShortPageWhoseNextPageCameBackWithRecordsIsNotTakenForTheEnd() async throws {
        // The API caps pages at 20 while the scan asked for 50: page 2 arrives before page 1,
        // and its records show that page 1's shortness is the cap, not the end of the listing.
        let listing = FakeListing(total: 200, pageSize: 20, delay: { $0 == 1 ? .milliseconds(50) : .zero })
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, slowStart: false, cached: { _ in nil }, load: listing.load)
        await #expect(throws: PagingInconsistency.shortBeforeMore(page: 1, records: 20, nextRecords: 20)) {
            try await scan.next()
        }
    }

    @Test func aShortPageBeforeAnEmptyOneEndsTheListingAsUsual() async throws {
        let listing = FakeListing(total: 70, pageSize: 50, delay: { $0 == 2 ? .milliseconds(50) : .zero })
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, slowStart: false, cached: { _ in nil }, load: listing.load)
        #expect(try await collect(scan) == Array(0..<70))
    }

    @Test(arguments: [0, 30, 100, 120, 149])
    func aRememberedSizeRequestsExactlyThePagesItNeedsAndNoneBeyond(total: Int) async throws {
        let listing = FakeListing(total: total, pageSize: 50)
        let lastPage = total / 50 + 1
        let ends = Locked<[(page: Int, records: Int)]>([])
        let scan = PageScan<[Int]>(
            pageSize: 50, window: 4, expectedLastPage: lastPage, ended: { page, records in ends.withLock { $0.append((page, records)) } },
            cached: { _ in nil }, load: listing.load)
        #expect(try await collect(scan) == Array(0..<total))
        #expect(listing.loaded.withLock { $0 }.sorted() == Array(1...lastPage))
        let reported = ends.withLock { $0 }
        #expect(reported.count == 1 && reported[0].page == lastPage && reported[0].records == total % 50)
    }

    @Test func aRememberedSizeSendsItsPagesAtOnce() async throws {
        // Page 1 takes 30 s: only pages requested together with it are requested meanwhile.
        let listing = FakeListing(total: 120, pageSize: 50, delay: { $0 == 1 ? .seconds(30) : .zero })
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, expectedLastPage: 3, cached: { _ in nil }, load: listing.load)
        let reader = Task { try await scan.next() }
        try await listing.waitUntilLoaded(3)
        #expect(listing.loaded.withLock { $0 }.sorted() == [1, 2, 3])
        reader.cancel()
        await #expect(throws: CancellationError.self) { try await reader.value }
    }

    @Test(arguments: [(remembered: 2, total: 260), (remembered: 6, total: 60), (remembered: 1, total: 50)])
    func aStaleRememberedSizeStillReadsTheWholeListing(remembered: Int, total: Int) async throws {
        let listing = FakeListing(total: total, pageSize: 50)
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, expectedLastPage: remembered, cached: { _ in nil }, load: listing.load)
        #expect(try await collect(scan) == Array(0..<total))
        let lastPage = total / 50 + 1
        #expect(listing.loaded.withLock { $0 }.allSatisfy { $0 <= max(lastPage, remembered) + 3 })
    }

    @Test func withoutARememberedSizeTheFirstPageGoesAlone() async throws {
        let listing = FakeListing(total: 30, pageSize: 50, delay: { _ in .milliseconds(20) })
        let scan = PageScan<[Int]>(pageSize: 50, window: 4, cached: { _ in nil }, load: listing.load)
        #expect(try await collect(scan) == Array(0..<30))
        #expect(listing.loaded.withLock { $0 } == [1], "a one-page listing costs one request")
    }

    @Test func aFailingPageEndsTheScanWithItsError() async throws {
        struct Boom: Error {}
        let scan = PageScan<[Int]>(pageSize: 50, window: 3, cached: { _ in nil }) { page, _ in
            if page == 2 { throw Boom() }
            return DecodedPage(content: [page], recordCount: 50)
        }
        #expect(try await scan.next() == [1])
        await #expect(throws: Boom.self) { try await scan.next() }
        #expect(try await scan.next() == nil)
    }
}

@Suite(.timeLimit(.minutes(5))) struct AsyncSemaphoreTests {
    @Test func neverAdmitsMoreThanItsPermits() async throws {
        let semaphore = AsyncSemaphore(permits: 3)
        let inside = Locked((now: 0, peak: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<30 {
                group.addTask {
                    try await semaphore.withPermit {
                        inside.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
                        try await Task.sleep(for: .milliseconds(2))
                        inside.withLock { $0.now -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(inside.withLock { $0.peak } == 3)
    }

    @Test func aCancelledWaiterLeavesAndGivesUpNoPermit() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        semaphore.release()
        // The single permit is free again: taking it must not wait.
        try await semaphore.acquire()
        semaphore.release()
    }
}
