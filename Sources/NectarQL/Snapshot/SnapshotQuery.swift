import NectarCatalog

/// The SQL that reads one scan's rows from the file, with its values as bound parameters (never
/// in the text), and where each selected column goes in the row. A child table is read joined to
/// its parent when the parent's columns or conditions are needed; rows come in the order the
/// sync wrote them.
package struct SnapshotQuery: Sendable {
    package let sql: String
    package let bindings: [SnapshotValue]
    /// For each selected column, in order: the row slot it fills and its type.
    package let slots: [(slot: Int, type: SQLType)]
    /// Values per row.
    package let width: Int
    /// The same query over one range of rowids, when it reads a whole SQLite table in rowid order
    /// with no limit: several connections can then read it in parallel, a range each.
    package let rowRange: RowRangeQuery?

    /// `columns`: the indexes of the table's columns the query reads (the flattener's); only
    /// those are selected, so a group-by over two columns reads two. Nil falls back to the
    /// scan's `attribute=` projection (whole top-level keys, as the API would send them).
    /// `layout`: where the rows carry each column (the table's width when nil).
    package init(
        _ scan: SnapshotScan, catalog: Catalog, columns: Set<Int>? = nil, layout: RowLayout? = nil,
        dialect: SnapshotDialect = .sqlite, offset: Int = 0, limit: Int? = nil
    ) {
        let table = scan.table
        let layout = layout ?? .table(width: table.columns.count)
        let recordTable = Self.recordTable(of: table, catalog) ?? table
        let child = table.isChild ? catalog.tables.first { $0.isChild && $0.origin == table.origin } : nil
        let q = SnapshotSchema.quoted
        var expressions: [String] = []
        var slots: [(slot: Int, type: SQLType)] = []
        var needsParent = !scan.conditions.isEmpty || table.keepsRecordsWithoutElements
        let childParentID = child.flatMap(SnapshotSchema.parentIDColumn(of:))
        for (slot, column) in table.columns.enumerated() where columns?.contains(slot) ?? Self.isWanted(column, in: table, scan.attributes) {
            let expression: String?
            switch (column.source, child) {
            case (.field(let path), let child?):
                expression = child.columns.first { $0.name == column.name && $0.source == .field(path) }.map { "c." + q($0.name) }
            case (.parent(["id"]), .some) where childParentID != nil && Self.isChildColumn(slot, of: table):
                // The child's copy of its parent id; the parent's own id (below) must come from the
                // parent, or a parent without children would lose it in a left join.
                expression = "c." + q(childParentID!)
            case (.parent(let path), .some):
                needsParent = true
                expression = recordTable.columns.first { $0.source == .field(path) }.map { "p." + q($0.name) }
            case (.field, nil), (.parent, nil):
                expression = catalog.table(named: table.name)?.column(column.name).map { "p." + q($0.name) }
            }
            guard let expression, let rowSlot = layout.slot(ofColumn: slot) else { continue }
            expressions.append(expression)
            slots.append((rowSlot, column.type))
        }
        var from: String
        var order: String
        /// The table whose rowids order the rows, and its alias.
        var driving = (table: recordTable.name, alias: "p")
        var joinsTables = false
        if let child {
            let join = table.keepsRecordsWithoutElements ? "LEFT JOIN" : "JOIN"
            let parentOrder = dialect.rowOrder(alias: "p", primaryKey: SnapshotSchema.primaryKey(of: recordTable), parentID: nil)
            let childOrder = dialect.rowOrder(alias: "c", primaryKey: nil, parentID: childParentID)
            if needsParent, let childParentID {
                from = "\(dialect.table(recordTable.name)) AS p \(join) \(dialect.table(child.name)) AS c ON c.\(q(childParentID)) = p.\(q("id"))"
                order = parentOrder + ", " + childOrder
                joinsTables = true
            } else {
                from = "\(dialect.table(child.name)) AS c"
                order = childOrder
                driving = (child.name, "c")
            }
        } else {
            from = "\(dialect.table(recordTable.name)) AS p"
            order = dialect.rowOrder(alias: "p", primaryKey: SnapshotSchema.primaryKey(of: recordTable), parentID: nil)
        }
        var bindings: [SnapshotValue] = []
        // `+column` keeps SQLite from probing the column's index once per row when the scan
        // covers most of the table anyway: it then reads the table in rowid order, once.
        let conditions = scan.conditions.map {
            Self.sql($0, dialect: dialect, indexed: !scan.scansWholeTable, bindings: &bindings)
        }
        let select = "SELECT \(expressions.isEmpty ? "NULL" : expressions.joined(separator: ", ")) FROM \(from)"
        func ordered(where conditions: [String]) -> String {
            select + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY " + order
        }
        var sql = ordered(where: conditions)
        let readsWholeTable = scan.scansWholeTable || scan.conditions.isEmpty
        if case .sqlite = dialect, readsWholeTable, limit == nil, offset == 0 {
            let drivingTable = dialect.table(driving.table)
            let (first, last) = (dialect.placeholder(bindings.count + 1), dialect.placeholder(bindings.count + 2))
            let range = "\(driving.alias).rowid BETWEEN \(first) AND \(last)"
            rowRange = RowRangeQuery(
                sql: ordered(where: conditions + [range]),
                // Each in its own subquery: SQLite finds a lone min() or max() of the rowid at one
                // end of the table, but scans the table for both in one SELECT.
                boundsSQL: "SELECT (SELECT min(rowid) FROM \(drivingTable)), (SELECT max(rowid) FROM \(drivingTable))",
                rowCountSQL: conditions.isEmpty && !joinsTables ? "SELECT count(*) FROM \(drivingTable)" : nil)
        } else {
            rowRange = nil
        }
        if limit != nil || offset > 0 {
            bindings.append(limit.map { .integer(Int64($0)) } ?? dialect.noLimit)
            let limitMark = dialect.placeholder(bindings.count)
            bindings.append(.integer(Int64(offset)))
            sql += " LIMIT \(limitMark) OFFSET \(dialect.placeholder(bindings.count))"
        }
        self.sql = sql
        self.bindings = bindings
        self.slots = slots
        width = layout.width
    }

    /// The table whose records a table's rows come from (its parent for a child table).
    package static func recordTable(of table: TableDefinition, _ catalog: Catalog) -> TableDefinition? {
        if case .arrayElements(let parent, _) = table.origin { return catalog.table(named: parent) }
        return catalog.table(named: table.name)
    }

    /// Whether the column belongs to the child side of the table (every column of a plain child table).
    private static func isChildColumn(_ slot: Int, of table: TableDefinition) -> Bool {
        table.childColumnsOfRecordsWithoutElements?.contains(slot) ?? true
    }

    /// Whether the API would have sent the column under `attribute=` projection: it keeps whole
    /// top-level keys (a child table's elements are under its array's key).
    private static func isWanted(_ column: ColumnDefinition, in table: TableDefinition, _ attributes: Set<String>) -> Bool {
        guard !attributes.isEmpty else { return true }
        let key: String?
        switch (column.source, table.origin) {
        case (.field, .arrayElements(_, let array)): key = array
        case (.field(let path), .records), (.parent(let path), _): key = path.first
        }
        return key.map { attributes.contains($0.lowercased()) } ?? true
    }

    private static func sql(
        _ condition: SnapshotScan.Condition, dialect: SnapshotDialect, indexed: Bool, bindings: inout [SnapshotValue]
    ) -> String {
        let q = SnapshotSchema.quoted
        /// Binds a value and returns its marker: the SQL text never holds the value itself.
        func mark(_ value: SnapshotValue) -> String {
            bindings.append(value)
            return dialect.placeholder(bindings.count)
        }
        switch condition {
        case .anyOf(let column, let values):
            let marks = values.map(mark)
            let operand = dialect.unindexed("p.\(q(column))", unless: indexed)
            return marks.count == 1 ? "\(operand) = \(marks[0])" : "\(operand) IN (\(marks.joined(separator: ", ")))"
        case .prefix(let column, let text):
            let length = mark(.integer(Int64(text.unicodeScalars.count)))
            return dialect.prefix("p.\(q(column))", lengthMark: length, textMark: mark(.text(text)))
        case .between(let column, let lower, let upper):
            var parts: [String] = []
            if let lower { parts.append("p.\(q(column)) >= \(mark(.timestamp(lower)))") }
            if let upper { parts.append("p.\(q(column)) < \(mark(.timestamp(upper)))") }
            return parts.joined(separator: " AND ")
        }
    }
}

/// A whole-table query restricted to one range of its driving table's rowids.
package struct RowRangeQuery: Sendable {
    /// The query with two more parameters after its own: the range's first and last rowid.
    package let sql: String
    /// The driving table's smallest and largest rowid (NULLs when it is empty).
    package let boundsSQL: String
    /// The rows the whole query gives, when that is the table's row count (no condition, no
    /// join): SQLite counts them from page headers, without reading a row.
    package let rowCountSQL: String?
}
