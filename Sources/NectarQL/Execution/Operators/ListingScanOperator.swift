import NectarCatalog
import NectarSource

/// Reads whole listings, all of them at once: each listing keeps its own window of pages in
/// flight (the client's global limit bounds the total), and pages are handed out round by round,
/// one per listing, so memory holds at most a window per listing.
final class ListingScanOperator: RowOperator {
    private var readers: [ListingReader]
    private var ready: [FlattenedPage] = []
    private var deduplicator = RecordDeduplicator()
    private let recorder: ScanRecorder

    init(flattener: Flattener, requests: [PageRequest], fetcher: PageFetching, recorder: ScanRecorder) {
        self.recorder = recorder
        readers = fetcher.pages(ofListings: requests, flattener: flattener).map(ListingReader.init(pages:))
    }

    func next() async throws -> [[Value]]? {
        while true {
            if ready.isEmpty {
                guard !readers.isEmpty else { return nil }
                try await readRound()
                continue
            }
            let page = ready.removeFirst()
            let rows = deduplicator.rows(of: page)
            recorder.record(rows: rows.count, from: [page])
            if !rows.isEmpty { return rows }
        }
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
