import NectarCatalog

/// Where one scan's pages come from: whole listings, the pages a row budget needs, or records by
/// key. Feeds only fetch; `ScanOperator` does what every scan does with a page.
protocol PageFeed: AnyObject {
    /// The next page, nil when the feed is exhausted.
    func nextPage() async throws -> FlattenedPage?
    /// The scan kept `rows` new rows from the last page (a budget counts them; others ignore it).
    func delivered(rows: Int)
}

extension PageFeed {
    func delivered(rows: Int) {}
}
