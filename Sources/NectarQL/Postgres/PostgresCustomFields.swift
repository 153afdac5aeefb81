import NectarCatalog
import NectarSnapshot
import PostgresNIO

/// The account's custom fields in the mirror, as the SQLite snapshot stores them
/// (`SnapshotCustomFields`): typed columns of their own table, named and typed as the live
/// catalog names and types them (float → double precision, text → text, boolean → boolean,
/// timestamp → timestamptz), and `_nectarql_custom_fields` listing per table the definitions its
/// rows were read with, in definition order, and the column each became.
enum PostgresCustomFields {
    static func createStatement(schema: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(PostgresMirrorSchema.qualified(schema, SnapshotCustomFields.table)) (
          table_name text NOT NULL,
          position bigint NOT NULL,
          column_name text NOT NULL,
          id text NOT NULL,
          nome text NOT NULL,
          alias text,
          tipo bigint,
          relacionado text NOT NULL,
          PRIMARY KEY (table_name, position)
        )
        """
    }

    private static func selectSQL(schema: String) -> String {
        "SELECT table_name, column_name, id, nome, alias, tipo, relacionado FROM "
            + PostgresMirrorSchema.qualified(schema, SnapshotCustomFields.table)
    }

    /// Every stored definition, each table's in definition order; none when the mirror has no list
    /// yet (made before custom fields were stored).
    static func definitions(in database: some PostgresQuerying, schema: String) async throws -> [CustomFieldDefinition] {
        var bindings = PostgresBindings()
        bindings.append(PostgresMirrorSchema.qualified(schema, SnapshotCustomFields.table))
        let exists = try await database.rows("SELECT to_regclass($1) IS NOT NULL", bindings)
        guard try exists.first?.decode(Bool.self) == true else { return [] }
        return try await read(database, schema: schema, table: nil).map(\.definition)
    }

    /// Makes the mirror hold `table`'s custom fields as the sync's catalog defines them: columns
    /// added, retyped or dropped to match, and the list replaced. True when they differ from what
    /// the mirror held (the table must then be read whole).
    static func store(_ table: TableDefinition, schema: String, in connection: PostgresConnection) async throws -> Bool {
        let wanted = SnapshotCustomFields.fields(of: table)
        let stored = try await read(connection, schema: schema, table: table.name)
        try await alignColumns(of: table, to: wanted, schema: schema, in: connection)
        let list = PostgresMirrorSchema.qualified(schema, SnapshotCustomFields.table)
        var name = PostgresBindings()
        name.append(table.name)
        try await connection.execute("DELETE FROM \(list) WHERE table_name = $1", name)
        for (position, field) in wanted.enumerated() {
            let definition = field.definition
            var bindings = PostgresBindings()
            bindings.append(table.name)
            bindings.append(Int64(position))
            bindings.append(field.column)
            bindings.append(definition.id)
            bindings.append(definition.name)
            if let alias = definition.alias { bindings.append(alias) } else { bindings.appendNull() }
            if let kind = definition.kind { bindings.append(Int64(kind.rawValue)) } else { bindings.appendNull() }
            bindings.append(definition.related)
            try await connection.execute(
                "INSERT INTO \(list) (table_name, position, column_name, id, nome, alias, tipo, relacionado) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", bindings)
        }
        return stored.map(\.column) != wanted.map(\.column) || stored.map(\.definition) != wanted.map(\.definition)
    }

    /// Adds each wanted column the mirror's table lacks, re-creates one stored with another type,
    /// and drops custom columns no longer defined (any column that is not the seed's).
    private static func alignColumns(
        of table: TableDefinition, to wanted: [SnapshotCustomFields.Field], schema: String, in connection: PostgresConnection
    ) async throws {
        let seed = Set(Catalog.nectarCRM.table(named: table.name)?.columns.map(\.name) ?? [])
        var bindings = PostgresBindings()
        bindings.append(PostgresMirrorSchema.qualified(schema, table.name))
        let rows = try await connection.rows(
            """
            SELECT attname, format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute
            WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped
            """, bindings)
        var existing: [String: String] = [:]
        for row in rows {
            let (column, type) = try row.decode((String, String).self)
            existing[column] = type
        }
        let qualified = PostgresMirrorSchema.qualified(schema, table.name)
        let wantedTypes = Dictionary(wanted.map { ($0.column, formattedType($0.type)) }) { first, _ in first }
        for (column, type) in existing where !seed.contains(column) && wantedTypes[column] != type {
            try await connection.execute("ALTER TABLE \(qualified) DROP COLUMN \(SnapshotSchema.quoted(column))")
            existing[column] = nil
        }
        for field in wanted where existing[field.column] == nil {
            try await connection.execute(
                "ALTER TABLE \(qualified) ADD COLUMN \(SnapshotSchema.quoted(field.column)) \(PostgresMirrorSchema.storageType(field.type))")
            existing[field.column] = formattedType(field.type)
        }
    }

    /// The type as `format_type` spells it.
    private static func formattedType(_ type: SQLType) -> String {
        switch type {
        case .float: "double precision"
        case .text: "text"
        case .boolean: "boolean"
        case .timestamp: "timestamp with time zone"
        }
    }

    private static func read(_ database: some PostgresQuerying, schema: String, table: String?) async throws
        -> [SnapshotCustomFields.Field]
    {
        var bindings = PostgresBindings()
        var sql = selectSQL(schema: schema)
        if let table {
            bindings.append(table)
            sql += " WHERE table_name = $1"
        }
        sql += " ORDER BY table_name, position"
        var fields: [SnapshotCustomFields.Field] = []
        for row in try await database.rows(sql, bindings) {
            let (_, column, id, name, alias, tipo, related) = try row.decode((String, String, String, String, String?, Int64?, String).self)
            let definition = CustomFieldDefinition(
                id: id, name: name, alias: alias, kind: tipo.flatMap { CustomFieldKind(rawValue: Int($0)) }, related: related)
            fields.append(SnapshotCustomFields.Field(column: column, type: definition.type, definition: definition))
        }
        return fields
    }
}
