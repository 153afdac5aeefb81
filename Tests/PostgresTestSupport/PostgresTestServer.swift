import Foundation
import PostgresNIO
import Testing

/// The PostgreSQL server the mirror's tests use (the engine's and the command line's alike): `NECTARQL_TEST_POSTGRES_URL` (`.ci/run` starts a
/// throwaway cluster and sets it; the README says how to do the same locally). Without it the
/// tests are skipped, except in CI (`CI` set), where they run and fail: a mirror that was never
/// tested must not pass.
public enum PostgresTestServer {
    public static let variable = "NECTARQL_TEST_POSTGRES_URL"

    public static var configuredURL: String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// Whether the suites run: with a server, or in CI (where a missing server is a failure).
    public static var shouldRun: Bool { configuredURL != nil || isCI }

    public static let skipNote: Comment =
        "PostgreSQL mirror tests skipped: NECTARQL_TEST_POSTGRES_URL is not set (source .ci/postgres.sh && postgres_start; see the README)"

    /// The server's URL; in CI without one, a failure that says why.
    public static func url() throws -> String {
        guard let url = configuredURL else {
            throw TestServerMissing()
        }
        return url
    }

    public struct TestServerMissing: Error, CustomStringConvertible {
        public var description: String {
            "CI is set but NECTARQL_TEST_POSTGRES_URL is not: .ci/run should have started a PostgreSQL cluster (see .ci/postgres.sh)"
        }
    }

    /// The server's URL with a schema of its own for one test, dropped however the test ends.
    public static func withSchema<T>(_ body: (_ url: String, _ schema: String) async throws -> T) async throws -> T {
        let base = try url()
        let schema = "nectarql_test_" + UUID().uuidString.prefix(8).lowercased()
        let url = withSchema(base, schema)
        do {
            let value = try await body(url, schema)
            try await execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
            return value
        } catch {
            try? await execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
            throw error
        }
    }

    /// `base` with its `schema=` set to `schema`.
    public static func withSchema(_ base: String, _ schema: String) -> String {
        var components = URLComponents(string: base)!
        components.queryItems = (components.queryItems ?? []).filter { $0.name != "schema" } + [URLQueryItem(name: "schema", value: schema)]
        return components.string!
    }

    /// The server's URL parts, for a test that builds its own URLs (without the password, or a wrong port).
    public static func components() throws -> URLComponents {
        guard let components = URLComponents(string: try url()) else { throw TestServerMissing() }
        return components
    }

    /// The password of the test server's URL.
    public static func password() throws -> String {
        try URLComponents(string: url())?.password ?? ""
    }

    /// Runs SQL on the test server (test-side inspection and set-up, not the code under test).
    @discardableResult
    public static func rows(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) async throws -> [PostgresRow] {
        let components = try components()
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: String(components.path.dropFirst()), tls: .disable)
        var logger = Logger(label: "nectarql-tests")
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

    public static func execute(_ sql: String) async throws {
        try await rows(sql)
    }

    /// The first column of the first row, as an integer.
    public static func integer(_ sql: String) async throws -> Int {
        Int(try await rows(sql).first?.decode(Int64.self) ?? -1)
    }

    /// Ends the backend a sync into `schema` writes through, as a server that goes away would.
    public static func terminateSync(into schema: String) async throws -> Int {
        var bindings = PostgresBindings()
        bindings.append("nectarql sync " + schema)
        let rows = try await rows(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) AS ended",
            bindings)
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }
}
