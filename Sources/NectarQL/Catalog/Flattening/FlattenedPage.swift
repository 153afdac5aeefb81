/// One API record turned into rows of a table.
package struct FlattenedRecord: Sendable {
    /// The record's id (for a child table, the parent record's id): the engine deduplicates
    /// records by it across pages. NULL when the record has none.
    package let id: Value
    /// Rows laid out as the flattener's `RowLayout` says (the table's columns in order, or only
    /// those read): one for a record table, one per array element (possibly none) for a child table.
    package let rows: [[Value]]

    package init(id: Value, rows: [[Value]]) {
        self.id = id
        self.rows = rows
    }
}

/// One page of records, flattened.
package struct FlattenedPage: Sendable {
    package let records: [FlattenedRecord]
    /// How many elements the page array held, objects or not: the pager compares it to the
    /// page size it asked for to find the last page.
    package let recordCount: Int
    /// Values that could not be read as their column's type (stored as NULL), plus records or
    /// elements that were not objects and nested values of an unexpected kind.
    package let coercionFailures: Int
    /// Custom values filed under a label no column reads (a renamed or inactive field): skipped.
    package let ignoredCustomValues: Int

    package init(records: [FlattenedRecord], recordCount: Int, coercionFailures: Int, ignoredCustomValues: Int = 0) {
        self.records = records
        self.recordCount = recordCount
        self.coercionFailures = coercionFailures
        self.ignoredCustomValues = ignoredCustomValues
    }

    package var rows: [[Value]] { records.flatMap(\.rows) }
}
