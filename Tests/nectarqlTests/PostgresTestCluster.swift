import Foundation
import PostgresNIO
import Testing

/// The PostgreSQL server `.ci/run` starts (`NECTARQL_TEST_POSTGRES_URL`); skipped without it
/// outside CI, a failure without it in CI. See the README to run these tests locally.
enum PostgresTestCluster {
    static var configuredURL: String? {
        ProcessInfo.processInfo.environment["NECTARQL_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var shouldRun: Bool { configuredURL != nil || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    static let skipNote: Comment =
        "PostgreSQL mirror tests skipped: NECTARQL_TEST_POSTGRES_URL is not set (source .ci/postgres.sh && postgres_start; see the README)"

    struct Missing: Error, CustomStringConvertible {
        var description: String { "CI is set but NECTARQL_TEST_POSTGRES_URL is not: .ci/run should have started a PostgreSQL cluster" }
    }

    /// The server's URL parts, for a test that builds its own URLs (without the password, or a wrong port).
    static func components() throws -> URLComponents {
        guard let url = configuredURL, let components = URLComponents(string: url) else { throw Missing() }
        return components
    }

    /// A URL of the test server with a fresh schema, and the schema dropped however `body` ends.
    static func withSchema<T>(_ body: (_ url: String, _ schema: String) async throws -> T) async throws -> T {
        var components = try components()
        let schema = "nectarql_cli_" + UUID().uuidString.prefix(8).lowercased()
        components.queryItems = (components.queryItems ?? []).filter { $0.name != "schema" } + [URLQueryItem(name: "schema", value: schema)]
        do {
            let value = try await body(components.string!, schema)
            try await execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
            return value
        } catch {
            try? await execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
            throw error
        }
    }

    static func rows(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) async throws -> [PostgresRow] {
        let components = try components()
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: String(components.path.dropFirst()), tls: .disable)
        var logger = Logger(label: "nectarql-cli-tests")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).collect()
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func execute(_ sql: String) async throws { _ = try await rows(sql) }

    /// Ends the server side of a sync into `schema`, as a server that goes away would; how many it ended.
    static func terminateSync(into schema: String) async throws -> Int {
        var bindings = PostgresBindings()
        bindings.append("nectarql sync " + schema)
        let rows = try await rows(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) AS ended", bindings)
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }
}
