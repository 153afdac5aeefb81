import NectarCatalog
import NectarSemantics

/// A value as `order by`, `min` and `max` see it: text carries its collation key, computed once
/// per value rather than once per comparison.
struct SortValue: Sendable {
    let value: Value
    private let key: CollationKey?

    init(_ value: Value) {
        self.value = value
        if case .text(let text) = value { key = CollationKey(text) } else { key = nil }
    }

    /// Negative, zero or positive; nil when either is NULL.
    func compare(_ other: SortValue) -> Int? {
        if let key, let otherKey = other.key { return key.compare(otherKey) }
        return value.compare(to: other.value)
    }

    /// Order for `order by`: NULL sorts after every value in both directions (as in DuckDB) unless
    /// the key says `nulls first`.
    static func order(_ a: SortValue, _ b: SortValue, nullsFirst: Bool) -> Int {
        switch (a.value.isNull, b.value.isNull) {
        case (true, true): return 0
        case (true, false): return nullsFirst ? -1 : 1
        case (false, true): return nullsFirst ? 1 : -1
        case (false, false): return a.compare(b) ?? 0
        }
    }
}
