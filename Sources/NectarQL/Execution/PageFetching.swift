import NectarCatalog
import NectarSyntax
import NectarSource

/// Where scans get their records, already flattened into the table's rows: the API client or a
/// snapshot store (and, in tests, rows held in memory, so operators run without HTTP).
package protocol PageFetching: Sendable {
    /// Records per page the listing asks for.
    var pageSize: Int { get }
    /// The pages of one listing from `firstPage` on, in order; at most `maxPages` when given
    /// (a `limit` needs no more, and speculative requests past it would be waste).
    /// `flattener` turns bodies into its table's rows; one serves every page and lookup of a scan.
    func pages(of request: PageRequest, flattener: Flattener, firstPage: Int, maxPages: Int?)
        -> AsyncThrowingStream<FlattenedPage, any Error>
    /// One lookup (`contatos/5`, `proposta/opportunity/7`); nil when the API says 404.
    func lookup(path: String, flattener: Flattener) async throws -> FlattenedPage?
    /// Several listings read to their ends, as streams a scan reads round by round: one per
    /// listing, unless the source can answer several with one read more cheaply.
    func pages(ofListings requests: [PageRequest], flattener: Flattener) -> [AsyncThrowingStream<FlattenedPage, any Error>]
}

extension PageFetching {
    /// The API answers each listing on its own.
    package func pages(ofListings requests: [PageRequest], flattener: Flattener) -> [AsyncThrowingStream<FlattenedPage, any Error>] {
        requests.map { pages(of: $0, flattener: flattener, firstPage: 1, maxPages: nil) }
    }

    /// Several lookups at once (the API client bounds how many run concurrently), in the order asked;
    /// keys the API does not know are left out.
    func lookUp(_ paths: [String], flattener: Flattener) async throws -> [FlattenedPage] {
        try await withThrowingTaskGroup(of: (Int, FlattenedPage?).self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask { (index, try await lookup(path: path, flattener: flattener)) }
            }
            var pages = [FlattenedPage?](repeating: nil, count: paths.count)
            for try await (index, page) in group { pages[index] = page }
            return pages.compactMap { $0 }
        }
    }
}
