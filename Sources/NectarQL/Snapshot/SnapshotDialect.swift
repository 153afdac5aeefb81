/// The two SQL spellings a snapshot query is written in. Everything else in a query (columns,
/// joins, conditions) is the same for both stores, derived from the catalog.
package enum SnapshotDialect: Sendable {
    case sqlite
    /// A mirror's tables live in a schema of their own.
    case postgres(schema: String)

    /// A table's name in a query: quoted, and qualified by the mirror's schema in PostgreSQL.
    package func table(_ name: String) -> String {
        switch self {
        case .sqlite: SnapshotSchema.quoted(name)
        case .postgres(let schema): SnapshotSchema.quoted(schema) + "." + SnapshotSchema.quoted(name)
        }
    }

    /// The marker of the `number`th bound value (1-based).
    func placeholder(_ number: Int) -> String {
        switch self {
        case .sqlite: "?"
        case .postgres: "$\(number)"
        }
    }

    /// The order rows come in: the order the sync wrote them in SQLite (rowid); in PostgreSQL,
    /// which has no stable row order, a record table's id and a child's rows by parent, in the
    /// physical order the sync inserted them. Pages read with OFFSET need an order either way.
    func rowOrder(alias: String, primaryKey: String?, parentID: String?) -> String {
        switch self {
        case .sqlite: return "\(alias).rowid"
        case .postgres:
            let key = primaryKey ?? parentID
            return (key.map { "\(alias).\(SnapshotSchema.quoted($0)), " } ?? "") + "\(alias).ctid"
        }
    }

    /// A column compared in a condition. `+column` keeps SQLite from probing the column's index
    /// once per row when the scan covers most of the table (`indexed` false); PostgreSQL's
    /// planner chooses between index and sequential scan by itself, and has no such operator on text.
    func unindexed(_ column: String, unless indexed: Bool) -> String {
        switch self {
        case .sqlite: indexed ? column : "+" + column
        case .postgres: column
        }
    }

    /// The first `length` characters of a text column, compared with a bound prefix.
    func prefix(_ column: String, lengthMark: String, textMark: String) -> String {
        switch self {
        case .sqlite: "substr(\(column), 1, \(lengthMark)) = \(textMark)"
        // substr takes an integer length; the bound value is a bigint.
        case .postgres: "substr(\(column), 1, \(lengthMark)::integer) = \(textMark)"
        }
    }

    /// The value bound to LIMIT when there is none: SQLite takes -1, PostgreSQL NULL (LIMIT ALL).
    var noLimit: SnapshotValue {
        switch self {
        case .sqlite: .integer(-1)
        case .postgres: .null
        }
    }
}
