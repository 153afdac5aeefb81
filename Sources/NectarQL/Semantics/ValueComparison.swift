import NectarCatalog
import NectarSyntax

/// SQL comparison of two values of one type. Text orders by `CollationKey` (pt-BR reading order,
/// accents and case after the letters, ties broken by the exact text), so `<`, `between`, `min`,
/// `max` and `order by` agree; equality is exact (`'Ana' = 'ana'` is false). NULL compares to nothing
/// (the caller decides what unknown means); values of different types never reach here, the binder
/// refuses them.
extension Value {
    /// Negative, zero or positive as `self` sorts before, with or after `other`; nil when either is NULL
    /// or the types differ.
    package func compare(to other: Value) -> Int? {
        switch (self, other) {
        case (.float(let a), .float(let b)): a < b ? -1 : (a > b ? 1 : 0)
        case (.timestamp(let a), .timestamp(let b)): a < b ? -1 : (a > b ? 1 : 0)
        case (.boolean(let a), .boolean(let b)): a == b ? 0 : (a ? 1 : -1)
        case (.text(let a), .text(let b)): CollationKey.compare(a, b)
        default: nil
        }
    }

    /// `=`: exact for text (no collation key needed), nil when either is NULL.
    package func isEqual(to other: Value) -> Bool? {
        if case .text(let a) = self, case .text(let b) = other { return a == b }
        return compare(to: other).map { $0 == 0 }
    }

    /// The key under which `group by`, `distinct`, joins and `count(distinct)` treat values as equal:
    /// 1 and 1.0 are one float already; -0.0 joins 0.0.
    package var groupingKey: Value {
        if case .float(let d) = self, d == 0 { return .float(0) }
        return self
    }
}
