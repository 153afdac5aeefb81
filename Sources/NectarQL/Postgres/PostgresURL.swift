import Foundation
import NectarSnapshot

/// A mirror's connection string, `postgres://user[:password]@host[:port]/database?schema=S&sslmode=M`,
/// read into its parts. The password is kept apart from everything that is ever shown: `redacted`
/// is the form every message, explain line and summary uses.
package struct PostgresURL: Sendable, Hashable {
    package static let schemes = ["postgres", "postgresql"]
    /// The schema a mirror goes into when the URL names none: its own, never `public`.
    package static let defaultSchema = "nectarcrm"

    package let host: String
    package let port: Int
    package let user: String
    /// From the URL only; `PostgresPassword` also looks in PGPASSWORD and ~/.pgpass.
    package let password: String?
    package let database: String
    package let schema: String
    package let sslMode: PostgresSSLMode

    /// Whether a `--snapshot` value names a PostgreSQL mirror rather than a SQLite file.
    package static func isPostgres(_ location: String) -> Bool {
        schemes.contains { location.lowercased().hasPrefix($0 + "://") }
    }

    /// Reads a URL; PGUSER and the login name stand in for a missing user, the user for a missing
    /// database, as libpq does. Throws, without the password, for anything it cannot use.
    package init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let shown = PostgresRedaction.mask(text)
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw SnapshotError("'\(shown)' is not a PostgreSQL URL; write postgres://user@host:port/database?schema=nectarcrm")
        }
        let user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"] ?? environment["USER"]
        guard let user, !user.isEmpty else {
            throw SnapshotError("'\(shown)' names no user; write postgres://USER@host/database or set PGUSER")
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host.isEmpty ? (environment["PGHOST"] ?? "localhost") : host
        port = components.port ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
        self.user = user
        password = components.password.flatMap { $0.isEmpty ? nil : $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? (environment["PGDATABASE"] ?? user) : path
        var schema = Self.defaultSchema
        var sslMode = PostgresSSLMode.prefer
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema":
                guard !value.isEmpty else { throw SnapshotError("'\(shown)': schema= needs a name") }
                schema = value
            case "sslmode":
                guard let mode = PostgresSSLMode(rawValue: value) else {
                    throw SnapshotError(
                        "'\(shown)': sslmode=\(value) is not one of \(PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                sslMode = mode
            default:
                throw SnapshotError("'\(shown)': unknown parameter '\(item.name)'; the URL takes schema= and sslmode=")
            }
        }
        self.schema = schema
        self.sslMode = sslMode
    }

    /// The URL as it may be shown: everything but the password.
    package var redacted: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.host = host.contains(":") ? "[\(host)]" : host
        components.port = port
        components.path = "/" + database
        components.queryItems = [URLQueryItem(name: "schema", value: schema)]
            + (sslMode == .prefer ? [] : [URLQueryItem(name: "sslmode", value: sslMode.rawValue)])
        return components.string ?? "postgres://\(user)@\(host):\(port)/\(database)"
    }
}
