/// One API record turned into rows of a table.
public struct FlattenedRecord: Sendable {
    /// The record's id (for a child table, the parent record's id): the engine deduplicates
    /// records by it across pages. NULL when the record has none.
    public let id: Value
    /// Rows with exactly the table's columns, in order: one for a record table,
    /// one per array element (possibly none) for a child table.
    public let rows: [[Value]]

    public init(id: Value, rows: [[Value]]) {
        self.id = id
        self.rows = rows
    }
}

/// One page of records, flattened.
public struct FlattenedPage: Sendable {
    public let records: [FlattenedRecord]
    /// How many elements the page array held, objects or not: the pager compares it to the
    /// page size it asked for to find the last page.
    public let recordCount: Int
    /// Values that could not be read as their column's type (stored as NULL), plus records or
    /// elements that were not objects and nested values of an unexpected kind.
    public let coercionFailures: Int
    /// Custom values filed under a label no column reads (a renamed or inactive field): skipped.
    public let ignoredCustomValues: Int

    public init(records: [FlattenedRecord], recordCount: Int, coercionFailures: Int, ignoredCustomValues: Int = 0) {
        self.records = records
        self.recordCount = recordCount
        self.coercionFailures = coercionFailures
        self.ignoredCustomValues = ignoredCustomValues
    }

    public var rows: [[Value]] { records.flatMap(\.rows) }
}
