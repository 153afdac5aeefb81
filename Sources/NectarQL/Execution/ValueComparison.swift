import NectarCatalog
import NectarSyntax

/// SQL comparison of two values of one type. Text compares by Swift's Unicode canonical order:
/// locale-free, the same on every machine, and consistent with equality (an accent typed as one
/// character or as letter plus accent is the same text). NULL compares to nothing (the caller decides
/// what unknown means); values of different types never reach here, the binder refuses them.
extension Value {
    /// Negative, zero or positive as `self` sorts before, with or after `other`; nil when either is NULL
    /// or the types differ.
    func compare(to other: Value) -> Int? {
        switch (self, other) {
        case (.float(let a), .float(let b)): a < b ? -1 : (a > b ? 1 : 0)
        case (.timestamp(let a), .timestamp(let b)): a < b ? -1 : (a > b ? 1 : 0)
        case (.boolean(let a), .boolean(let b)): a == b ? 0 : (a ? 1 : -1)
        case (.text(let a), .text(let b)): a == b ? 0 : (a < b ? -1 : 1)
        default: nil
        }
    }

    /// Order for `order by`: NULL sorts after every value in both directions (as in DuckDB) unless
    /// the key says `nulls first`.
    static func sortOrder(_ a: Value, _ b: Value, nullsFirst: Bool) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return nullsFirst ? -1 : 1
        case (false, true): return nullsFirst ? 1 : -1
        case (false, false): return a.compare(to: b) ?? 0
        }
    }

    /// The key under which `group by`, `distinct`, joins and `count(distinct)` treat values as equal:
    /// 1 and 1.0 are one float already; -0.0 joins 0.0.
    var groupingKey: Value {
        if case .float(let d) = self, d == 0 { return .float(0) }
        return self
    }
}
