@testable import NectarSource
import Testing

/// The page window's rules, by feeding it events: no task, socket or sleep.
@Suite("Page window")
struct PageWindowTests {
    private let none: (Int) -> Int? = { _ in nil }

    private func requested(_ starts: [PageWindow.Start]) -> [Int] {
        starts.compactMap { if case .request(let page) = $0 { page } else { nil } }
    }

    @Test("slow start: one page until a page comes back full, then the whole window")
    func slowStart() {
        var window = PageWindow(pageSize: 50, window: 4)
        let first = window.pageToAwait(cachedRecords: none)
        #expect(first?.number == 1)
        #expect(requested(first?.starts ?? []) == [1])
        #expect(window.deliver(records: 50) == .page)
        #expect(requested(window.pageToAwait(cachedRecords: none)?.starts ?? []) == [2, 3, 4, 5])
    }

    @Test("without slow start the first call fills the window")
    func noSlowStart() {
        var window = PageWindow(pageSize: 50, window: 3, slowStart: false)
        #expect(requested(window.pageToAwait(cachedRecords: none)?.starts ?? []) == [1, 2, 3])
    }

    @Test("a page known full frees its request slot and ends the slow start")
    func fullPageNotice() {
        var window = PageWindow(pageSize: 50, window: 2)
        _ = window.pageToAwait(cachedRecords: none)
        #expect(window.wantsFullPageNotice)
        #expect(requested(window.pageIsFull(1, cachedRecords: none)) == [2, 3])
        #expect(window.requestsInFlight == 2)
    }

    @Test("pages waiting for the consumer are bounded at another window")
    func bufferedPagesAreBounded() {
        var window = PageWindow(pageSize: 50, window: 2, slowStart: false)
        var started = requested(window.pageToAwait(cachedRecords: none)?.starts ?? [])
        for _ in 0..<10 {
            guard let page = started.first else { break }
            started.removeFirst()
            started += requested(window.pageIsFull(page, cachedRecords: none))
        }
        #expect(window.slots.count == 4)
        #expect(!window.wantsFullPageNotice, "no room: a notice could start nothing")
    }

    @Test("a short page ends the listing and cancels the pages asked past it")
    func shortPageEnds() {
        var window = PageWindow(pageSize: 50, window: 3, slowStart: false)
        _ = window.pageToAwait(cachedRecords: none)
        #expect(window.deliver(records: 12) == .lastPage(number: 1, records: 12, cancelling: [2, 3]))
        #expect(window.pageToAwait(cachedRecords: none) == nil)
        #expect(window.finished)
    }

    @Test("an empty page ends the listing with nothing to hand over")
    func emptyPageEnds() {
        var window = PageWindow(pageSize: 50, window: 1)
        _ = window.pageToAwait(cachedRecords: none)
        #expect(window.deliver(records: 0) == .endedEmpty(number: 1, cancelling: []))
    }

    @Test("a page larger than asked, or short while the next holds records, fails the scan")
    func inconsistencies() {
        var larger = PageWindow(pageSize: 50, window: 2, slowStart: false)
        _ = larger.pageToAwait(cachedRecords: none)
        #expect(larger.deliver(records: 60) == .inconsistent(.largerThanAsked(page: 1, records: 60), cancelling: [2]))

        var short = PageWindow(pageSize: 50, window: 2, slowStart: false)
        _ = short.pageToAwait(cachedRecords: none)
        let delivery = short.deliver(records: 20) { $0 == 2 ? 20 : nil }
        #expect(delivery == .inconsistent(.shortBeforeMore(page: 1, records: 20, nextRecords: 20), cancelling: [2]))

        var unknown = PageWindow(pageSize: 50, window: 2, slowStart: false)
        _ = unknown.pageToAwait(cachedRecords: none)
        #expect(unknown.deliver(records: 20) == .lastPage(number: 1, records: 20, cancelling: [2]), "page 2 not back: no proof")
    }

    @Test("a remembered size asks for every page up to it at once, and none past it")
    func rememberedSize() {
        var window = PageWindow(pageSize: 50, window: 4, expectedLastPage: 3)
        #expect(requested(window.pageToAwait(cachedRecords: none)?.starts ?? []) == [1, 2, 3])
        #expect(window.expectsFullPage(2) && !window.expectsFullPage(3))
        #expect(window.deliver(records: 50) == .page)
        #expect(requested(window.pageToAwait(cachedRecords: none)?.starts ?? []) == [])
    }

    @Test("a remembered size that proves stale (its last page full) lets the window go on")
    func staleRememberedSize() {
        var window = PageWindow(pageSize: 50, window: 2, expectedLastPage: 1)
        _ = window.pageToAwait(cachedRecords: none)
        #expect(window.deliver(records: 50) == .page)
        #expect(requested(window.pageToAwait(cachedRecords: none)?.starts ?? []) == [2, 3])
    }

    @Test("cached pages take no request, and a short cached page stops the asking there")
    func cachedPages() {
        var window = PageWindow(pageSize: 50, window: 4, slowStart: false)
        let cache = [1: 50, 2: 7]
        let starts = window.pageToAwait(cachedRecords: { cache[$0] })?.starts ?? []
        #expect(starts == [.takeCached(page: 1), .takeCached(page: 2)])
        #expect(window.deliver(records: 50) == .page)
        #expect(window.pageToAwait(cachedRecords: { cache[$0] })?.number == 2)
        #expect(window.deliver(records: 7) == .lastPage(number: 2, records: 7, cancelling: []))
    }

    @Test("maxPages: the pages a limit needs from firstPage on, and no more")
    func maxPages() {
        var window = PageWindow(pageSize: 50, window: 4, firstPage: 3, maxPages: 2, slowStart: false)
        #expect(requested(window.pageToAwait(cachedRecords: none)?.starts ?? []) == [3, 4])
        #expect(window.deliver(records: 50) == .page)
        #expect(window.pageToAwait(cachedRecords: none)?.number == 4)
        #expect(window.deliver(records: 50) == .page)
        #expect(window.pageToAwait(cachedRecords: none) == nil)
    }

    /// Every listing length, window, start mode and remembered size, driven to its end by a driver
    /// that reports full pages as soon as they are asked for (the most speculative schedule).
    @Test("over every combination: pages arrive in order, once, and speculation stays bounded")
    func exhaustive() {
        let pageSize = 3
        for records in 0...16 {
            let pagesHolding = records / pageSize + 1  // the short (or empty) page that ends the listing
            for width in 1...4 {
                for slowStart in [false, true] {
                    for expected in [nil, pagesHolding, max(1, pagesHolding - 2), pagesHolding + 2] as [Int?] {
                        let run = drive(records: records, pageSize: pageSize, window: width, slowStart: slowStart, expectedLastPage: expected)
                        let label = "records \(records), window \(width), slow start \(slowStart), expected \(String(describing: expected))"
                        #expect(run.delivered == Array(1...pagesHolding), "\(label)")
                        #expect(run.maxInFlight <= width, "\(label)")
                        #expect(run.requested.count == Set(run.requested).count, "each page asked once: \(label)")
                        #expect(run.requested.count <= pagesHolding + width - 1, "\(label): \(run.requested)")
                        if expected == pagesHolding { #expect(run.requested.count == pagesHolding, "a right size asks for no more: \(label)") }
                    }
                }
            }
        }
    }

    private struct Run {
        var delivered: [Int] = []
        var requested: [Int] = []
        var maxInFlight = 0
    }

    private func drive(records: Int, pageSize: Int, window size: Int, slowStart: Bool, expectedLastPage: Int?) -> Run {
        var window = PageWindow(pageSize: pageSize, window: size, slowStart: slowStart, expectedLastPage: expectedLastPage)
        let recordsOn = { (page: Int) in max(0, min(pageSize, records - (page - 1) * pageSize)) }
        var run = Run()
        var pending = [PageWindow.Start]()
        func absorb(_ starts: [PageWindow.Start]) {
            pending += starts
            run.requested += requested(starts)
            run.maxInFlight = max(run.maxInFlight, window.requestsInFlight)
        }
        for _ in 0..<100 {
            guard let (number, starts) = window.pageToAwait(cachedRecords: { _ in nil }) else { break }
            absorb(starts)
            // Report every full page already asked for, as a fast server would.
            while let start = pending.first {
                pending.removeFirst()
                if case .request(let page) = start, recordsOn(page) == pageSize { absorb(window.pageIsFull(page, cachedRecords: { _ in nil })) }
            }
            run.delivered.append(number)
            switch window.deliver(records: recordsOn(number), arrivedRecords: { run.requested.contains($0) ? recordsOn($0) : nil }) {
            case .page: continue
            case .lastPage, .endedEmpty, .inconsistent: return run
            }
        }
        return run
    }
}
