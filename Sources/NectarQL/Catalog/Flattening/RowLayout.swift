/// Where a table's columns sit in the rows a scan produces. By default a row has the table's
/// width, every column at its own index (a column not read is NULL). A scan whose rows feed only
/// expressions rewritten for it carries just the columns it reads, side by side in table order:
/// a group-by over two of a table's 59 columns then moves and frees rows of two values.
package struct RowLayout: Sendable, Hashable {
    /// Values per row.
    package let width: Int
    /// The table columns the rows carry, in row order; nil: every column, at its own index.
    package let columns: [Int]?

    /// Every column of a table of `width` columns, at its own index.
    package static func table(width: Int) -> RowLayout {
        RowLayout(width: width, columns: nil)
    }

    /// Only `columns` (table indexes), in ascending order.
    package static func reading(_ columns: Set<Int>) -> RowLayout {
        let sorted = columns.sorted()
        return RowLayout(width: sorted.count, columns: sorted)
    }

    /// The rows of a scan of `table` reading `columns` (nil: every column): those columns side by
    /// side when `compact`, but for a child table, whose rows copy its parent's columns and so
    /// keep the table's width. The flattener and the planner's rewrite both lay rows out by this.
    package static func scan(of table: TableDefinition, reading columns: Set<Int>?, compact: Bool) -> RowLayout {
        guard compact, !table.isChild, let columns else { return .table(width: table.columns.count) }
        return .reading(columns.filter(table.columns.indices.contains))
    }

    /// The table column in each slot, in row order.
    package var rowColumns: [Int] { columns ?? Array(0..<width) }

    /// The row slot of a table column; nil when the rows do not carry it. (For building readers,
    /// not per row.)
    package func slot(ofColumn column: Int) -> Int? {
        guard let columns else { return column < width ? column : nil }
        return columns.firstIndex(of: column)
    }
}
