import NectarCatalog

/// The SQL that reads one scan's rows from the file, with its values as bound parameters (never
/// in the text), and where each selected column goes in the row. A child table is read joined to
/// its parent when the parent's columns or conditions are needed; rows come in the order the
/// sync wrote them.
package struct SnapshotQuery: Sendable {
    package let sql: String
    package let bindings: [SQLiteValue]
    /// For each selected column, in order: the row slot it fills and its type.
    package let slots: [(slot: Int, type: SQLType)]

    /// `columns`: the indexes of the table's columns the query reads (the flattener's); only
    /// those are selected, so a group-by over two columns reads two. Nil falls back to the
    /// scan's `attribute=` projection (whole top-level keys, as the API would send them).
    package init(_ scan: SnapshotScan, catalog: Catalog, columns: Set<Int>? = nil, offset: Int = 0, limit: Int? = nil) {
        let table = scan.table
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
            guard let expression else { continue }
            expressions.append(expression)
            slots.append((slot, column.type))
        }
        var from: String
        var order: String
        if let child {
            let join = table.keepsRecordsWithoutElements ? "LEFT JOIN" : "JOIN"
            if needsParent, let childParentID {
                from = "\(q(recordTable.name)) AS p \(join) \(q(child.name)) AS c ON c.\(q(childParentID)) = p.\(q("id"))"
                order = "p.rowid, c.rowid"
            } else {
                from = "\(q(child.name)) AS c"
                order = "c.rowid"
            }
        } else {
            from = "\(q(recordTable.name)) AS p"
            order = "p.rowid"
        }
        var bindings: [SQLiteValue] = []
        // `+column` keeps SQLite from probing the column's index once per row when the scan
        // covers most of the table anyway: it then reads the table in rowid order, once.
        let conditions = scan.conditions.map { Self.sql($0, indexed: !scan.scansWholeTable, bindings: &bindings) }
        var sql = "SELECT \(expressions.isEmpty ? "NULL" : expressions.joined(separator: ", ")) FROM \(from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY " + order
        if limit != nil || offset > 0 {
            sql += " LIMIT ? OFFSET ?"
            bindings += [.integer(Int64(limit ?? -1)), .integer(Int64(offset))]
        }
        self.sql = sql
        self.bindings = bindings
        self.slots = slots
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

    private static func sql(_ condition: SnapshotScan.Condition, indexed: Bool, bindings: inout [SQLiteValue]) -> String {
        let q = SnapshotSchema.quoted
        switch condition {
        case .anyOf(let column, let values):
            bindings += values
            let operand = (indexed ? "p." : "+p.") + q(column)
            return values.count == 1 ? "\(operand) = ?" : "\(operand) IN (\(values.map { _ in "?" }.joined(separator: ", ")))"
        case .prefix(let column, let text):
            bindings += [.integer(Int64(text.unicodeScalars.count)), .text(text)]
            return "substr(p.\(q(column)), 1, ?) = ?"
        case .between(let column, let lower, let upper):
            var parts: [String] = []
            if let lower {
                bindings.append(.text(SnapshotTimestamp.text(lower)))
                parts.append("p.\(q(column)) >= ?")
            }
            if let upper {
                bindings.append(.text(SnapshotTimestamp.text(upper)))
                parts.append("p.\(q(column)) < ?")
            }
            return parts.joined(separator: " AND ")
        }
    }
}
