import NectarSnapshot
import PostgresNIO
import _ConnectionPoolModule

/// PostgresNIO's errors in words a person can act on, naming the mirror by its redacted URL (a
/// `PSQLError`'s own text is generic, so nothing it holds leaks): a server that cannot be reached,
/// refuses the login or goes away is a `SnapshotServerError` (exit code 3); anything else the
/// server refuses is a `SnapshotError`.
enum PostgresFailure {
    /// SQLSTATE classes that mean the server, not the statement: connection exception,
    /// invalid authorization, insufficient resources, operator intervention (a shutdown, a
    /// terminated backend).
    static let serverClasses: Set<String> = ["08", "28", "53", "57"]

    /// disk_full: the server had no room for the run's writes (its transaction is rolled back).
    static let diskFull = "53100"

    static func translate(_ error: any Error, location: String, doing what: String) -> any Error {
        if error is ConnectionGone {
            return SnapshotServerError("the PostgreSQL server at \(location) closed the connection \(what); nothing of this run was kept")
        }
        guard let error = error as? PSQLError else {
            // The pool's own errors (it gave up connecting) name no statement: the server is the problem.
            if error is ConnectionPoolError {
                return SnapshotServerError("cannot reach the PostgreSQL server at \(location) (\(error)); check that it is running")
            }
            return error
        }
        if error.code == .server {
            let state = error.serverInfo?[.sqlState] ?? "?????"
            let message = error.serverInfo?[.message] ?? "no message"
            if state == diskFull {
                // As a full disk under a SQLite snapshot: nothing of the run was committed (exit 4).
                return SnapshotError(
                    "no room to write the mirror \(location) (\(message), SQLSTATE \(state)); the previous snapshot is intact and "
                        + "queryable. Free some space on the database server's disk and run the sync again",
                    kind: .storageFull)
            }
            if serverClasses.contains(String(state.prefix(2))) {
                return SnapshotServerError(
                    "the PostgreSQL server at \(location) stopped \(what): \(message) (SQLSTATE \(state)); "
                        + "check that it is running and that the user may log in")
            }
            return SnapshotError("PostgreSQL refused \(what) on \(location): \(message) (SQLSTATE \(state))")
        }
        switch error.code {
        case .connectionError:
            let reason = error.underlying.map { "\($0)" } ?? "no answer"
            return SnapshotServerError(
                "cannot reach the PostgreSQL server at \(location) (\(reason)); check that it is running and that host and port are right")
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
            return SnapshotServerError("the PostgreSQL server at \(location) closed the connection \(what); nothing of this run was kept")
        case .sslUnsupported:
            return SnapshotServerError("the PostgreSQL server at \(location) does not offer TLS, which its sslmode requires")
        case .authMechanismRequiresPassword:
            return SnapshotServerError(
                "the PostgreSQL server at \(location) asks for a password; give it in the URL, PGPASSWORD or ~/.pgpass (chmod 600)")
        case .saslError, .unsupportedAuthMechanism:
            return SnapshotServerError("the PostgreSQL server at \(location) refused the login (\(error.code))")
        default:
            return SnapshotError("PostgreSQL failed \(what) on \(location): \(error.code)")
        }
    }
}
