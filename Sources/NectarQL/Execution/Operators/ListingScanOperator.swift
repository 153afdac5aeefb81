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

    init(table: TableDefinition, requests: [PageRequest], fetcher: PageFetching, expectsManyPages: Bool, recorder: ScanRecorder) {
        let flattener = Flattener(table: table)
        self.recorder = recorder
        readers = requests.map { request in
            ListingReader(request: request, pages: fetcher.pages(of: request, flattener: flattener, firstPage: 1, maxPages: nil, expectsManyPages: expectsManyPages))
        }
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
        let pages = try await withThrowingTaskGroup(of: (Int, FlattenedPage?).self) { group in
            for (index, reader) in current.enumerated() {
                group.addTask { (index, try await reader.next()) }
            }
            var pages = [FlattenedPage?](repeating: nil, count: current.count)
            for try await (index, page) in group { pages[index] = page }
            return pages
        }
        var open: [ListingReader] = []
        for (reader, page) in zip(current, pages) {
            if let page {
                ready.append(page)
                open.append(reader)
            } else {
                recorder.finished(reader.request, records: await reader.records)
            }
        }
        readers = open
    }
}

/// One listing's pages, readable from any task (the round reads several at once).
actor ListingReader {
    nonisolated let request: PageRequest
    private var iterator: AsyncThrowingStream<FlattenedPage, any Error>.AsyncIterator
    private(set) var records = 0

    init(request: PageRequest, pages: AsyncThrowingStream<FlattenedPage, any Error>) {
        self.request = request
        iterator = pages.makeAsyncIterator()
    }

    func next() async throws -> FlattenedPage? {
        // The iterator's storage is shared, so a copy advances the same listing; a round asks
        // each reader for one page at a time, so calls never overlap.
        var pages = iterator
        let page = try await pages.next(isolation: self)
        iterator = pages
        records += page?.recordCount ?? 0
        return page
    }
}
