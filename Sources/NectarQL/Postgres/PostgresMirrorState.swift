import NectarSnapshot
import PostgresNIO

/// What a schema holds: nothing yet (a sync creates the mirror), a mirror of this layout, or
/// tables that are not one (never written into).
enum PostgresMirrorState: Equatable {
    case absent
    case mirror
    case foreign(String)

    static func inspect(_ database: some PostgresQuerying, schema: String) async throws -> PostgresMirrorState {
        var bindings = PostgresBindings()
        bindings.append(PostgresBookkeeping.regclassName(schema: schema))
        bindings.append(schema)
        let rows = try await database.rows(
            """
            SELECT to_regclass($1) IS NOT NULL, obj_description(to_regclass($1), 'pg_class'),
              (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = $2)
            """, bindings)
        guard let row = rows.first else { return .absent }
        let (exists, comment, tables) = try row.decode((Bool, String?, Int64).self)
        if exists {
            if comment == PostgresMirrorSchema.marker { return .mirror }
            return .foreign(
                "its \(SnapshotSchema.bookkeepingTable) table is marked '\(comment ?? "")', not '\(PostgresMirrorSchema.marker)'")
        }
        return tables == 0 ? .absent : .foreign("it holds \(tables) tables but no \(SnapshotSchema.bookkeepingTable)")
    }
}
