import NectarCatalog
import NectarSnapshot

/// The mirror's tables, derived from the catalog as the SQLite snapshot's are: the seed's 16
/// tables with its names, float → double precision, text → text, boolean → boolean, timestamp →
/// timestamptz; the same primary keys and indexes (`SnapshotSchema` chooses them), and
/// `_nectarql_sync`, the same bookkeeping with its instants as timestamptz. Every sync then makes
/// sure of `_nectarql_custom_fields` and the custom columns (`PostgresCustomFields`).
package enum PostgresMirrorSchema {
    /// Marks the bookkeeping table (a table comment), so a schema of someone else's tables is
    /// never written into, and a mirror of another layout is recognised.
    package static let marker = "NectarQL mirror, schema version \(SnapshotSchema.version)"

    /// A table or index name qualified by the mirror's schema, both quoted.
    package static func qualified(_ schema: String, _ name: String) -> String {
        SnapshotDialect.postgres(schema: schema).table(name)
    }

    /// Every statement that creates the mirror in `schema` (which may already exist, empty).
    package static func statements(for catalog: Catalog, schema: String) -> [String] {
        var statements = ["CREATE SCHEMA IF NOT EXISTS \(SnapshotSchema.quoted(schema))"]
        for table in catalog.tables {
            let key = SnapshotSchema.primaryKey(of: table)
            let columns = table.columns.map { column in
                SnapshotSchema.quoted(column.name) + " " + storageType(column.type) + (column.name == key ? " PRIMARY KEY" : "")
            }
            statements.append("CREATE TABLE \(qualified(schema, table.name)) (\(columns.joined(separator: ", ")))")
            for column in SnapshotSchema.indexedColumns(of: table) where column != key {
                // Index names are per schema in PostgreSQL: the SQLite snapshot's names fit.
                statements.append(
                    "CREATE INDEX \(SnapshotSchema.quoted("\(table.name)_\(column)")) ON \(qualified(schema, table.name)) (\(SnapshotSchema.quoted(column)))"
                )
            }
        }
        let bookkeeping = qualified(schema, SnapshotSchema.bookkeepingTable)
        statements.append("""
            CREATE TABLE \(bookkeeping) (
              table_name text PRIMARY KEY,
              api_base_url text NOT NULL,
              last_sync_started timestamptz,
              last_sync_finished timestamptz,
              last_full_read timestamptz,
              rows bigint,
              requests bigint
            )
            """)
        // A comment takes a literal, not a parameter; the marker is this program's constant.
        statements.append("COMMENT ON TABLE \(bookkeeping) IS '\(marker)'")
        return statements
    }

    package static func storageType(_ type: SQLType) -> String {
        switch type {
        case .float: "double precision"
        case .text: "text"
        case .boolean: "boolean"
        case .timestamp: "timestamptz"
        }
    }
}
