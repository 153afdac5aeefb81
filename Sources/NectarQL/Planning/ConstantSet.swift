import NectarCatalog

/// The constants of an `in` list, deduplicated in the order written (for explain and for the
/// API's parameters) and hashed (for a constant-time test per row). Text is matched exactly, as `=` does.
struct ConstantSet: Sendable, Hashable {
    /// Distinct non-NULL values, first occurrence first.
    let values: [Value]
    let members: Set<Value>
    /// `x in (1, null)` is unknown, not false, when x is not 1.
    let containsNull: Bool

    init(_ list: [Value]) {
        var members = Set<Value>()
        var values: [Value] = []
        var containsNull = false
        for value in list {
            if value.isNull {
                containsNull = true
            } else if members.insert(value.groupingKey).inserted {
                values.append(value)
            }
        }
        self.values = values
        self.members = members
        self.containsNull = containsNull
    }

    static func == (lhs: ConstantSet, rhs: ConstantSet) -> Bool { lhs.values == rhs.values && lhs.containsNull == rhs.containsNull }
    func hash(into hasher: inout Hasher) {
        hasher.combine(values)
        hasher.combine(containsNull)
    }
}
