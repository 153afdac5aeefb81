import NectarCatalog
import NectarPlanning

/// The one scan path: pages from a feed, each record once (offset paging over live data can show
/// a record on two pages), counted, then the scan's own filter, which always runs locally
/// whatever was pushed into the requests.
final class ScanOperator: RowOperator {
    private let feed: PageFeed
    private let filter: BoundExpression?
    private let context: EvaluationContext
    private let recorder: ScanRecorder
    private var deduplicator = RecordDeduplicator()

    init(_ feed: PageFeed, filter: BoundExpression?, context: EvaluationContext, recorder: ScanRecorder) {
        self.feed = feed
        self.filter = filter
        self.context = context
        self.recorder = recorder
    }

    func next() async throws -> [[Value]]? {
        while let page = try await feed.nextPage() {
            let rows = deduplicator.rows(of: page)
            recorder.record(rows: rows.count, from: page)
            feed.delivered(rows: rows.count)
            let kept = filter.map { filter in rows.filter { filter.holds(for: $0, context) } } ?? rows
            if !kept.isEmpty { return kept }
        }
        return nil
    }
}
