import NectarCatalog
import NectarSyntax

/// Reads a table from the API: one or more listings merged (the oportunidades status fan-out,
/// an `in` the API takes one value at a time), or lookups by key. Records are deduplicated by id,
/// because offset paging over live data can show a record on two pages.
final class ScanOperator: RowOperator {
    enum Access: Sendable, Hashable {
        case listings([PageRequest])
        case lookups([String])
    }

    /// The listing being read and where it stands.
    private struct Cursor {
        let request: PageRequest
        var iterator: AsyncThrowingStream<FlattenedPage, any Error>.AsyncIterator
        var nextPage: Int
        var pagesLeft: Int?
        var lastPageWasFull = true
        var records = 0
    }

    private let table: TableDefinition
    private let fetcher: PageFetching
    private var pendingRequests: [PageRequest]
    private var pendingLookups: [String]
    private var cursor: Cursor?
    /// Rows still wanted when a `limit` sits right above the scan: no page beyond them is requested.
    private var rowBudget: Int?
    private var seen = Set<Value>()
    private let recorder: ScanRecorder?

    init(table: TableDefinition, access: Access, fetcher: PageFetching, rowBudget: Int?, recorder: ScanRecorder? = nil) {
        self.table = table
        self.fetcher = fetcher
        self.recorder = recorder
        self.rowBudget = rowBudget
        switch access {
        case .listings(let requests):
            pendingRequests = requests
            pendingLookups = []
        case .lookups(let paths):
            pendingRequests = []
            pendingLookups = paths
        }
    }

    func next() async throws -> [[Value]]? {
        if !pendingLookups.isEmpty { return try await lookUpAll() }
        while true {
            if let budget = rowBudget, budget <= 0 { return nil }
            if cursor == nil {
                guard !pendingRequests.isEmpty else { return nil }
                cursor = open(pendingRequests.removeFirst(), from: 1)
            }
            guard let page = try await cursor?.iterator.next() else {
                continueOrClose()
                continue
            }
            cursor?.nextPage += 1
            cursor?.records += page.recordCount
            cursor?.lastPageWasFull = page.recordCount >= fetcher.pageSize
            let rows = unseenRows(of: page)
            recorder?.record(rows: rows.count, coercionFailures: page.coercionFailures)
            if let budget = rowBudget { rowBudget = budget - rows.count }
            if !rows.isEmpty { return rows }
        }
    }

    private func open(_ request: PageRequest, from page: Int) -> Cursor {
        let maxPages = rowBudget.map { max(1, ($0 + fetcher.pageSize - 1) / fetcher.pageSize) }
        let stream = fetcher.pages(of: request, table: table, firstPage: page, maxPages: maxPages)
        return Cursor(request: request, iterator: stream.makeAsyncIterator(), nextPage: page, pagesLeft: maxPages)
    }

    /// A budgeted listing that stopped at its page allowance while pages were still full (child rows
    /// or duplicates made fewer rows than expected) goes on from the next page; otherwise it is done.
    private func continueOrClose() {
        guard let finished = cursor else { return }
        cursor = nil
        let stoppedByAllowance = finished.pagesLeft != nil && finished.lastPageWasFull
        if stoppedByAllowance, let budget = rowBudget, budget > 0 {
            cursor = open(finished.request, from: finished.nextPage)
        } else if finished.pagesLeft == nil {
            recorder?.finished(finished.request, records: finished.records)
        }
    }

    private func unseenRows(of page: FlattenedPage) -> [[Value]] {
        var rows: [[Value]] = []
        for record in page.records where record.id.isNull || seen.insert(record.id).inserted {
            rows.append(contentsOf: record.rows)
        }
        return rows
    }

    private func lookUpAll() async throws -> [[Value]]? {
        let paths = pendingLookups
        pendingLookups = []
        let fetcher = self.fetcher
        let table = self.table
        let pages = try await withThrowingTaskGroup(of: (Int, FlattenedPage?).self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask { (index, try await fetcher.lookup(path: path, table: table)) }
            }
            var results = [FlattenedPage?](repeating: nil, count: paths.count)
            for try await (index, page) in group { results[index] = page }
            return results
        }
        let found = pages.compactMap { $0 }
        let rows = found.flatMap(unseenRows)
        recorder?.record(rows: rows.count, coercionFailures: found.reduce(0) { $0 + $1.coercionFailures })
        return rows.isEmpty ? nil : rows
    }
}
