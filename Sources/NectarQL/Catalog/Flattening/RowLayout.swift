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

    /// The row slot of a table column; nil when the rows do not carry it. (For building readers,
    /// not per row.)
    package func slot(ofColumn column: Int) -> Int? {
        guard let columns else { return column < width ? column : nil }
        return columns.firstIndex(of: column)
    }
}
