/// A value bound to a snapshot query, before a store turns it into its own type: timestamps stay
/// instants here, stored as TEXT by SQLite and as timestamptz by PostgreSQL.
package enum SnapshotValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// Milliseconds since 1970, UTC.
    case timestamp(Int64)

    /// How SQLite stores it.
    package var sqlite: SQLiteValue {
        switch self {
        case .null: .null
        case .integer(let n): .integer(n)
        case .real(let d): .real(d)
        case .text(let t): .text(t)
        case .timestamp(let ms): .text(SnapshotTimestamp.text(ms))
        }
    }
}
