import NectarCatalog

/// The constants of an `in` list, deduplicated in the order written (for explain and for the
/// API's parameters) and hashed (for a constant-time test per row). Text is matched exactly, as `=` does.
package struct ConstantSet: Sendable, Hashable {
    /// Distinct non-NULL values, first occurrence first.
    let values: [Value]
    package let members: Set<Value>
    /// `x in (1, null)` is unknown, not false, when x is not 1.
    package let containsNull: Bool

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

    package static func == (lhs: ConstantSet, rhs: ConstantSet) -> Bool { lhs.values == rhs.values && lhs.containsNull == rhs.containsNull }
    package func hash(into hasher: inout Hasher) {
        hasher.combine(values)
        hasher.combine(containsNull)
    }
}
