import NectarCatalog
import NectarSource

/// Whole listings, all of them at once: each listing keeps its own window of pages in flight (the
/// client's global limit bounds the total), and pages are handed out round by round, one per
/// listing, so memory holds at most a window per listing.
final class ListingsFeed: PageFeed {
    private var readers: [ListingReader]
    private var ready: [FlattenedPage] = []

    init(_ requests: [PageRequest], flattener: Flattener, fetcher: PageFetching) {
        readers = fetcher.pages(ofListings: requests, flattener: flattener).map(ListingReader.init(pages:))
    }

    func nextPage() async throws -> FlattenedPage? {
        while ready.isEmpty {
            guard !readers.isEmpty else { return nil }
            try await readRound()
        }
        return ready.removeFirst()
    }

    /// The next page of every listing still open, concurrently, kept in listing order.
    private func readRound() async throws {
        let current = readers
        let pages = current.count == 1 ? [try await current[0].next()] : try await readConcurrently(current)
        var open: [ListingReader] = []
        for (reader, page) in zip(current, pages) {
            guard let page else { continue }
            ready.append(page)
            open.append(reader)
        }
        readers = open
    }

    /// A child task per listing; a single listing (every snapshot scan) is read in place instead,
    /// since a task per page cost a thread hand-off per page (a fifth of a snapshot group-by's time).
    private func readConcurrently(_ current: [ListingReader]) async throws -> [FlattenedPage?] {
        try await withThrowingTaskGroup(of: (Int, FlattenedPage?).self) { group in
            for (index, reader) in current.enumerated() {
                group.addTask { (index, try await reader.next()) }
            }
            var pages = [FlattenedPage?](repeating: nil, count: current.count)
            for try await (index, page) in group { pages[index] = page }
            return pages
        }
    }
}

/// One listing's pages, readable from any task (the round reads several at once).
actor ListingReader {
    private var iterator: AsyncThrowingStream<FlattenedPage, any Error>.AsyncIterator

    init(pages: AsyncThrowingStream<FlattenedPage, any Error>) {
        iterator = pages.makeAsyncIterator()
    }

    func next() async throws -> FlattenedPage? {
        // The iterator's storage is shared, so a copy advances the same listing; a round asks
        // each reader for one page at a time, so calls never overlap.
        var pages = iterator
        let page = try await pages.next(isolation: self)
        iterator = pages
        return page
    }
}
