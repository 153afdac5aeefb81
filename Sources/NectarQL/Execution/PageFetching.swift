import NectarCatalog
import NectarSyntax

/// Where scans get their records: the API client in production, already flattened into the
/// table's rows. An abstraction so operators can be tested without HTTP.
protocol PageFetching: Sendable {
    /// Records per page the listing asks for.
    var pageSize: Int { get }
    /// The pages of one listing from `firstPage` on, in order; at most `maxPages` when given
    /// (a `limit` needs no more, and speculative requests past it would be waste). `expectsManyPages`
    /// opens the window of speculative pages at once; otherwise the first page goes alone.
    func pages(of request: PageRequest, table: TableDefinition, firstPage: Int, maxPages: Int?, expectsManyPages: Bool)
        -> AsyncThrowingStream<FlattenedPage, any Error>
    /// One lookup (`contatos/5`, `proposta/opportunity/7`); nil when the API says 404.
    func lookup(path: String, table: TableDefinition) async throws -> FlattenedPage?
}
