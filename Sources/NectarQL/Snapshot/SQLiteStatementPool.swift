import Synchronization

/// Prepared statements kept between queries: the same scan text (a status listing of a group-by
/// run again, say) reuses its compiled statement instead of parsing and planning it anew. A
/// statement is lent to one reader at a time; two readers of the same text get two statements.
/// A returned statement is reset first, so an idle one never holds a read transaction open (in
/// WAL mode that would pin an old snapshot and keep the log from being checkpointed).
package final class SQLiteStatementPool: Sendable {
    /// Idle statements kept per text: a lookup join runs one lookup's text for many keys at once.
    private static let idlePerText = 8
    private let connection: SQLiteConnection
    private let idle = Mutex<[String: [SQLiteStatement]]>([:])

    package init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// An idle statement for `sql`, or a newly prepared one.
    package func take(_ sql: String) throws -> SQLiteStatement {
        if let statement = idle.withLock({ $0[sql]?.popLast() }) { return statement }
        return try connection.prepare(sql)
    }

    /// Takes back a statement `take` lent for `sql`; it is reset, and dropped when enough are idle.
    package func giveBack(_ statement: SQLiteStatement, for sql: String) {
        statement.reset()
        idle.withLock { idle in
            if idle[sql, default: []].count < Self.idlePerText { idle[sql, default: []].append(statement) }
        }
    }
}
