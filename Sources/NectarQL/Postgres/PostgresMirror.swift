import Foundation
import NectarCatalog
import NectarSnapshot
import PostgresNIO

/// The account mirrored into a PostgreSQL schema, where a team and its BI tools read it. Queries
/// read through a small pool of connections; a sync writes through one connection of its own, in
/// one transaction (`PostgresMirrorWriter`). The password stays in the connection settings:
/// `location` is the URL without it.
package final class PostgresMirror: SnapshotStoring {
    /// postgres-nio logs nothing the person needs; errors are reported by the caller, in words.
    static let logger: Logger = {
        var logger = Logger(label: "nectarql.postgres")
        logger.logLevel = .critical
        return logger
    }()

    package let url: PostgresURL
    private let password: String?
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    package var location: String { url.redacted }
    package var dialect: SnapshotDialect { .postgres(schema: url.schema) }
    var schema: String { url.schema }

    /// Opens a mirror a sync writes: nothing is asked of the server until the sync begins.
    package static func openForWriting(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> PostgresMirror
    {
        try PostgresMirror(url: PostgresURL(text, environment: environment), environment: environment)
    }

    /// Opens a mirror queries read: connects once to check that the schema holds a mirror. (A
    /// connection of its own, not the pool's: the pool retries an unreachable server for a minute
    /// before it gives up, a direct connection says at once what is wrong.)
    package static func openForReading(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws -> PostgresMirror
    {
        let mirror = try openForWriting(text, environment: environment)
        do {
            let connection = try await mirror.connect(as: "nectarql")
            let state: PostgresMirrorState
            do {
                state = try await PostgresMirrorState.inspect(connection, schema: mirror.schema)
                try? await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
            switch state {
            case .mirror: return mirror
            case .absent:
                throw SnapshotError(
                    "no mirror in schema '\(mirror.schema)' at \(mirror.location); make one with `nectarql sync --snapshot \(mirror.location)`")
            case .foreign(let reason):
                throw SnapshotError("schema '\(mirror.schema)' at \(mirror.location) is not a NectarQL mirror (\(reason)); name another ?schema=")
            }
        } catch {
            await mirror.close()
            throw mirror.translate(error, doing: "while opening the mirror")
        }
    }

    private init(url: PostgresURL, environment: [String: String]) throws {
        self.url = url
        password = PostgresPassword.resolve(for: url, environment: environment)
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database, tls: url.sslMode.clientTLS)
        configuration.options.additionalStartupParameters = [("application_name", "nectarql")]
        configuration.options.maximumConnections = 8
        let client = PostgresClient(configuration: configuration)
        self.client = client
        runner = Task { await client.run() }
    }

    /// A connection of its own (a sync's transaction, the check on opening), named in the
    /// server's activity list as `application`.
    func connect(as application: String) async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database,
            tls: try url.sslMode.connectionTLS())
        configuration.options.additionalStartupParameters = [("application_name", application)]
        return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
    }

    func state() async throws -> PostgresMirrorState {
        try await PostgresMirrorState.inspect(client, schema: schema)
    }

    package func syncRecords() async throws -> [String: SyncRecord] {
        do {
            guard try await state() == .mirror else { return [:] }
            let rows = try await client.rows(PostgresBookkeeping.selectSQL(schema: schema))
            return Dictionary(try rows.map(PostgresBookkeeping.record).map { ($0.table, $0) }) { _, last in last }
        } catch {
            throw translate(error, doing: "while reading the bookkeeping")
        }
    }

    package func customFieldDefinitions() async throws -> [CustomFieldDefinition] {
        do {
            guard try await state() == .mirror else { return [] }
            return try await PostgresCustomFields.definitions(in: client, schema: schema)
        } catch {
            throw translate(error, doing: "while reading the custom fields")
        }
    }

    package func beginSync(tables: [TableDefinition], catalog: Catalog) async throws -> any SnapshotWriting {
        try await PostgresMirrorWriter.begin(self, tables: tables, catalog: catalog)
    }

    package func rows(of query: SnapshotQuery, pageRows: Int) -> AsyncThrowingStream<[[Value]], any Error> {
        let pager = PostgresPager(query: query, pageRows: pageRows, mirror: self)
        return AsyncThrowingStream { try await pager.next() }
    }

    /// Starts one query on the pool; its connection returns to the pool when the rows are read or dropped.
    func start(_ query: SnapshotQuery) async throws -> PostgresRowSequence {
        try await client.run(PostgresQuery(unsafeSQL: query.sql, binds: PostgresValues.bindings(query.bindings)))
    }

    /// Removes the schema and everything in it. For a schema the caller owns alone (the
    /// benchmark's, made for one run); nothing in the shell calls it.
    package func dropSchema() async throws {
        do {
            let connection = try await connect(as: "nectarql")
            defer { Task { try? await connection.close() } }
            try await connection.execute("DROP SCHEMA IF EXISTS \(SnapshotSchema.quoted(schema)) CASCADE")
        } catch {
            throw translate(error, doing: "while dropping the schema")
        }
    }

    package func close() async {
        runner.cancel()
        await runner.value
    }

    func translate(_ error: any Error, doing what: String) -> any Error {
        PostgresFailure.translate(error, location: location, doing: what)
    }
}

/// One scan's rows, read a page at a time from a query started on first demand; the query
/// streams (postgres-nio applies backpressure), so a large table never sits in memory whole.
private final class PostgresPager: @unchecked Sendable {
    private let query: SnapshotQuery
    private let pageRows: Int
    private let mirror: PostgresMirror
    private var rows: PostgresRowSequence.AsyncIterator?
    private var done = false

    init(query: SnapshotQuery, pageRows: Int, mirror: PostgresMirror) {
        self.query = query
        self.pageRows = pageRows
        self.mirror = mirror
    }

    /// Up to `pageRows` rows; nil once the query is exhausted. Called by one consumer at a time.
    func next() async throws -> [[Value]]? {
        guard !done else { return nil }
        try Task.checkCancellation()
        do {
            if rows == nil { rows = try await mirror.start(query).makeAsyncIterator() }
            var page: [[Value]] = []
            page.reserveCapacity(pageRows)
            while page.count < pageRows, let row = try await rows?.next() {
                page.append(try PostgresValues.row(row, slots: query.slots, width: query.width))
            }
            if page.count < pageRows {
                done = true
                rows = nil
            }
            return page.isEmpty ? nil : page
        } catch {
            done = true
            rows = nil
            throw mirror.translate(error, doing: "while reading")
        }
    }
}
