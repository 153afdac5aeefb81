/// What scans delivered: rows, and values that could not be read as their column's type.
package struct ScanCounts: Sendable, Hashable {
    package var rows = 0
    /// Values the flattener could not coerce to their column's type (shown as NULL).
    package var coercionFailures = 0
    /// Custom-field values under a label no column reads (a renamed or inactive field), skipped.
    package var ignoredCustomValues = 0

    package init() {}

    /// The counts accumulated since `earlier`.
    package func since(_ earlier: ScanCounts) -> ScanCounts {
        var delta = ScanCounts()
        delta.rows = rows - earlier.rows
        delta.coercionFailures = coercionFailures - earlier.coercionFailures
        delta.ignoredCustomValues = ignoredCustomValues - earlier.ignoredCustomValues
        return delta
    }
}
