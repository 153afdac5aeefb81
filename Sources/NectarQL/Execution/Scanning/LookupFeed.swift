import NectarCatalog

/// Records by key (`GET contatos/5` for `where id in (5, 7)`), all asked at once: the client
/// bounds how many run concurrently. A key the API does not know (404) gives no page.
final class LookupFeed: PageFeed {
    private let flattener: Flattener
    private let fetcher: PageFetching
    private var paths: [String]?
    private var found: [FlattenedPage] = []

    init(_ paths: [String], flattener: Flattener, fetcher: PageFetching) {
        self.flattener = flattener
        self.paths = paths
        self.fetcher = fetcher
    }

    func nextPage() async throws -> FlattenedPage? {
        if let paths {
            self.paths = nil
            found = try await fetcher.lookUp(paths, flattener: flattener)
        }
        return found.isEmpty ? nil : found.removeFirst()
    }
}
