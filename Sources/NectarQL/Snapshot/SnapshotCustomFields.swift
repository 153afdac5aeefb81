import NectarCatalog

/// The account's custom fields in the file. Their values are typed columns of their own table
/// (`contatos.campo_segmento_de_atuacao`), named and typed exactly as the live catalog names and
/// types them; `_nectarql_custom_fields` lists, per table, the definitions its rows were read
/// with, in definition order, and the column each became. A snapshot query rebuilds the live
/// catalog from that list without a request, and an analyst in another tool can read there what
/// a `campo_…` column holds.
package enum SnapshotCustomFields {
    package static let table = "_nectarql_custom_fields"

    /// `IF NOT EXISTS`: a snapshot made before custom fields were stored gains the table on its next sync.
    static let createStatement = """
        CREATE TABLE IF NOT EXISTS \(SnapshotSchema.quoted(table)) (
          table_name TEXT NOT NULL,
          position INTEGER NOT NULL,
          column_name TEXT NOT NULL,
          id TEXT NOT NULL,
          nome TEXT NOT NULL,
          alias TEXT,
          tipo INTEGER,
          relacionado TEXT NOT NULL,
          PRIMARY KEY (table_name, position)
        )
        """

    /// One custom column and the definition it comes from.
    package struct Field: Hashable, Sendable {
        package let column: String
        package let type: SQLType
        package let definition: CustomFieldDefinition

        package init(column: String, type: SQLType, definition: CustomFieldDefinition) {
            self.column = column
            self.type = type
            self.definition = definition
        }
    }

    /// Every stored definition, each table's in definition order; none in a file that has no
    /// list yet (made before custom fields were stored, or never synced from an account that has them).
    package static func definitions(in connection: SQLiteConnection) throws -> [CustomFieldDefinition] {
        guard try exists(in: connection) else { return [] }
        return try read(
            "SELECT column_name, id, nome, alias, tipo, relacionado FROM \(SnapshotSchema.quoted(table)) ORDER BY table_name, position",
            [], in: connection
        ).map(\.definition)
    }

    /// Makes the file hold `table`'s custom fields as the catalog a sync reads with defines them:
    /// its columns added, retyped or dropped to match, and its list replaced. True when they
    /// differ from what the file held: the rows already there lack the new columns' values (or
    /// were read under other labels), so the table must be read whole.
    static func store(_ table: TableDefinition, in connection: SQLiteConnection) throws -> Bool {
        let wanted = fields(of: table)
        let stored = try read(
            "SELECT column_name, id, nome, alias, tipo, relacionado FROM \(SnapshotSchema.quoted(self.table)) "
                + "WHERE table_name = ? ORDER BY position",
            [.text(table.name)], in: connection)
        try alignColumns(of: table, to: wanted, in: connection)
        try connection.prepare("DELETE FROM \(SnapshotSchema.quoted(self.table)) WHERE table_name = ?").run([.text(table.name)])
        let insert = try connection.prepare("""
            INSERT INTO \(SnapshotSchema.quoted(self.table)) (table_name, position, column_name, id, nome, alias, tipo, relacionado)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, field) in wanted.enumerated() {
            let definition = field.definition
            try insert.run([
                .text(table.name), .integer(Int64(position)), .text(field.column), .text(definition.id), .text(definition.name),
                definition.alias.map(SQLiteValue.text) ?? .null, definition.kind.map { .integer(Int64($0.rawValue)) } ?? .null,
                .text(definition.related),
            ])
        }
        return stored.map(\.column) != wanted.map(\.column) || stored.map(\.definition) != wanted.map(\.definition)
    }

    /// The custom columns of a table of the catalog a sync reads with.
    package static func fields(of table: TableDefinition) -> [Field] {
        table.customColumns.compactMap { column in
            column.customField.map { Field(column: column.name, type: column.type, definition: $0.definition) }
        }
    }

    /// Adds each wanted column the file's table lacks, re-creates one stored with another type
    /// (the table is read whole anyway), and drops custom columns no longer defined: any column
    /// that is not the seed's is a custom one, since the file's schema is NectarQL's own.
    private static func alignColumns(of table: TableDefinition, to wanted: [Field], in connection: SQLiteConnection) throws {
        let seed = Set(Catalog.nectarCRM.table(named: table.name)?.columns.map(\.name) ?? [])
        var existing: [String: String] = [:]
        let info = try connection.prepare("SELECT name, type FROM pragma_table_info(?)")
        try info.bind([.text(table.name)])
        while try info.step() { existing[info.text(at: 0)] = info.text(at: 1) }
        let name = SnapshotSchema.quoted(table.name)
        let wantedTypes = Dictionary(wanted.map { ($0.column, SnapshotSchema.storageType($0.type)) }) { first, _ in first }
        for (column, type) in existing where !seed.contains(column) && wantedTypes[column] != type {
            try connection.execute("ALTER TABLE \(name) DROP COLUMN \(SnapshotSchema.quoted(column))")
            existing[column] = nil
        }
        for field in wanted where existing[field.column] == nil {
            let type = SnapshotSchema.storageType(field.type)
            try connection.execute("ALTER TABLE \(name) ADD COLUMN \(SnapshotSchema.quoted(field.column)) \(type)")
            existing[field.column] = type
        }
    }

    private static func exists(in connection: SQLiteConnection) throws -> Bool {
        try connection.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)]).integer == 1
    }

    /// Rows of `column_name, id, nome, alias, tipo, relacionado` as fields; every stored field was active.
    private static func read(_ sql: String, _ values: [SQLiteValue], in connection: SQLiteConnection) throws -> [Field] {
        let statement = try connection.prepare(sql)
        try statement.bind(values)
        var fields: [Field] = []
        while try statement.step() {
            let kind = statement.isNull(at: 4) ? nil : CustomFieldKind(rawValue: Int(statement.integer(at: 4)))
            let definition = CustomFieldDefinition(
                id: statement.text(at: 1), name: statement.text(at: 2), alias: statement.isNull(at: 3) ? nil : statement.text(at: 3),
                kind: kind, related: statement.text(at: 5))
            fields.append(Field(column: statement.text(at: 0), type: definition.type, definition: definition))
        }
        return fields
    }
}
