import NectarCatalog

/// The file's tables, derived from the catalog: the seed's 16 tables with its names and column
/// names, float → REAL, text → TEXT, boolean → INTEGER 0/1, timestamp → TEXT in UTC; a primary
/// key on each record table's id, indexes on child tables' parent ids and on every column the
/// planner pushes (filters and lookups), `_nectarql_sync`, the bookkeeping of each table, and
/// `_nectarql_custom_fields`, the account's custom fields (see `SnapshotCustomFields`).
package enum SnapshotSchema {
    /// `PRAGMA application_id`: marks a file as a NectarQL snapshot ("NQLS").
    package static let applicationID: Int64 = 0x4E51_4C53
    package static let version: Int64 = 1
    package static let bookkeepingTable = "_nectarql_sync"

    package static func statements(for catalog: Catalog) -> [String] {
        var statements = catalog.tables.flatMap(tableStatements)
        statements.append("""
            CREATE TABLE \(quoted(bookkeepingTable)) (
              table_name TEXT PRIMARY KEY,
              api_base_url TEXT NOT NULL,
              last_sync_started TEXT,
              last_sync_finished TEXT,
              last_full_read TEXT,
              rows INTEGER,
              requests INTEGER
            )
            """)
        statements.append(SnapshotCustomFields.createStatement)
        statements.append("PRAGMA application_id = \(applicationID)")
        statements.append("PRAGMA user_version = \(version)")
        return statements
    }

    static func tableStatements(_ table: TableDefinition) -> [String] {
        let key = primaryKey(of: table)
        let columns = table.columns.map { column in
            quoted(column.name) + " " + storageType(column.type) + (column.name == key ? " PRIMARY KEY" : "")
        }
        var statements = ["CREATE TABLE \(quoted(table.name)) (\(columns.joined(separator: ", ")))"]
        for column in indexedColumns(of: table) where column != key {
            statements.append(
                "CREATE INDEX \(quoted("\(table.name)_\(column)")) ON \(quoted(table.name)) (\(quoted(column)))")
        }
        return statements
    }

    package static func storageType(_ type: SQLType) -> String {
        switch type {
        case .float: "REAL"
        case .text, .timestamp: "TEXT"
        case .boolean: "INTEGER"
        }
    }

    /// A record table's rows are its records, one per id; a child table's rows have no key of their own.
    package static func primaryKey(of table: TableDefinition) -> String? {
        table.isChild ? nil : table.column("id").map(\.name)
    }

    /// A child table's copy of its parent's id, which the sync replaces rows by.
    package static func parentIDColumn(of table: TableDefinition) -> String? {
        table.columns.first { $0.source == .parent(["id"]) }?.name
    }

    /// Parent ids, relationship columns, and the columns the endpoint filters or looks up by.
    package static func indexedColumns(of table: TableDefinition) -> [String] {
        var names: [String] = []
        if let parent = parentIDColumn(of: table) { names.append(parent) }
        names += table.relationships.map(\.column)
        if !table.isChild {
            names += table.endpoint.filters.map(\.column) + table.endpoint.lookups.map(\.column)
        }
        var unique: [String] = []
        for name in names where table.column(name) != nil && !unique.contains(name) { unique.append(name) }
        return unique
    }

    /// An identifier in double quotes; catalog names never hold one, but a quote is doubled anyway.
    package static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
