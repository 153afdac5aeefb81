import NectarCatalog
import NectarSource

/// How a scan reaches the API: listings merged (the oportunidades status fan-out, an `in` the
/// API takes one value at a time) or lookups by key.
enum ScanAccess: Sendable, Hashable {
    case listings([PageRequest])
    case lookups([String])
}

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
