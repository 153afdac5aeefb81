import NectarCatalog

/// Reads records by key (`GET contatos/5` for `where id in (5, 7)`), all at once: the client
/// bounds how many run concurrently. A key the API does not know (404) gives no row.
final class LookupScanOperator: RowOperator {
    private let flattener: Flattener
    private let fetcher: PageFetching
    private var paths: [String]?
    private var deduplicator = RecordDeduplicator()
    private let recorder: ScanRecorder

    init(flattener: Flattener, paths: [String], fetcher: PageFetching, recorder: ScanRecorder) {
        self.flattener = flattener
        self.paths = paths
        self.fetcher = fetcher
        self.recorder = recorder
    }

    func next() async throws -> [[Value]]? {
        guard let paths else { return nil }
        self.paths = nil
        let found = try await fetcher.lookUp(paths, flattener: flattener)
        let rows = found.flatMap { deduplicator.rows(of: $0) }
        recorder.record(rows: rows.count, from: found)
        return rows.isEmpty ? nil : rows
    }
}
