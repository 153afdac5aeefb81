import NectarCatalog

/// Keeps each record once: offset paging over live data can show a record on two pages.
struct RecordDeduplicator {
    private var seen = Set<Value>()

    mutating func rows(of page: FlattenedPage) -> [[Value]] {
        var rows: [[Value]] = []
        for record in page.records where record.id.isNull || seen.insert(record.id).inserted {
            rows.append(contentsOf: record.rows)
        }
        return rows
    }
}
