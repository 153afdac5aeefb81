import ArgumentParser
import Foundation

/// `nectarql sync`: the command line of the subcommand that copies the account into a snapshot.
struct SyncArguments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nectarql sync",
        abstract: "Copy the NectarCRM account into a local SQLite snapshot, or a PostgreSQL mirror, that queries can read.",
        discussion: """
            The first sync reads every table; later ones read only what changed since the day before the previous sync (contatos, oportunidades, qualificacoes) and re-read the small tables whole. Once a day (--reconcile-after) a full read removes records deleted in NectarCRM. A sync is atomic: interrupted or failed, it leaves the previous snapshot as it was.

            Query the snapshot with: nectarql --snapshot PATH (add --max-age 10m to refresh stale tables first).

            --snapshot postgres://USER@HOST:PORT/DATABASE?schema=nectarcrm mirrors the account into that PostgreSQL schema instead (created on the first sync), for a team and its BI tools. The password comes from the URL, PGPASSWORD or ~/.pgpass; sslmode=disable|prefer|require|verify-ca|verify-full as libpq. Only one sync writes a mirror at a time; it never shows the password.

            The API token is read from NECTAR_API_TOKEN or from --token-file.

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "The snapshot file, or a postgres:// URL (env NECTARQL_SNAPSHOT; default $XDG_DATA_HOME/nectarql/snapshot.sqlite).")
    var snapshot: String?

    @Option(help: "Only these tables, comma-separated (a child table syncs with its parent).")
    var tables: String?

    @Flag(help: "Read every table whole, even where a delta would do.")
    var full = false

    @Option(name: .customLong("reconcile-after"), help: "Read a table whole when its last full read is older than this (default 24h).")
    var reconcileAfter = "24h"

    @Flag(help: "No progress line and no summary.")
    var quiet = false

    @Option(name: .customLong("api-url"), help: "The API base URL (env NECTAR_API_URL).")
    var apiURL: String?

    @Option(name: .customLong("token-file"), help: "Read the API token from this file (keep it chmod 600).")
    var tokenFile: String?

    @Option(help: "Requests in flight at once.")
    var concurrency: Int?

    @Option(name: .customLong("max-rps"), help: "At most this many requests per second.")
    var maxRequestsPerSecond: Double?

    func validate() throws {
        if DurationText.parse(reconcileAfter) == nil {
            throw ValidationError("--reconcile-after: '\(reconcileAfter)' is not a duration; use \(DurationText.usage)")
        }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if let maxRequestsPerSecond, maxRequestsPerSecond <= 0 { throw ValidationError("--max-rps must be positive") }
        if let tables, tableNames(tables).isEmpty { throw ValidationError("--tables needs at least one table name") }
    }

    var tableList: [String]? { tables.map(tableNames) }

    private func tableNames(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
