import PostgresNIO

/// What runs a query: the pool queries read through, or the one connection a sync holds its
/// transaction on. The mirror's checks and bookkeeping reads work on either.
protocol PostgresQuerying: Sendable {
    func run(_ query: PostgresQuery) async throws -> PostgresRowSequence
}

extension PostgresClient: PostgresQuerying {
    func run(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await self.query(query, logger: PostgresMirror.logger)
    }
}

extension PostgresConnection: PostgresQuerying {
    /// A query on a connection the server has closed is refused here: postgres-nio would hand
    /// it to a channel that is gone, and its answer would never come.
    func run(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        guard !isClosed else { throw ConnectionGone() }
        return try await self.query(query, logger: PostgresMirror.logger)
    }
}

/// The connection was closed (by the server, or a network failure) before a statement was sent.
struct ConnectionGone: Error {}

extension PostgresQuerying {
    /// Runs a statement to its end, rows discarded.
    func execute(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) async throws {
        for try await _ in try await run(PostgresQuery(unsafeSQL: sql, binds: bindings)) {}
    }

    /// Every row of a query.
    func rows(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) async throws -> [PostgresRow] {
        try await run(PostgresQuery(unsafeSQL: sql, binds: bindings)).collect()
    }
}
