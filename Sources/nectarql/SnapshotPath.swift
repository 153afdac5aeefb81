/// Where `nectarql sync` keeps the snapshot when `--snapshot` is not given: `NECTARQL_SNAPSHOT`,
/// else `$XDG_DATA_HOME/nectarql/snapshot.sqlite`, else `~/.local/share/nectarql/snapshot.sqlite`.
enum SnapshotPath {
    static let environmentVariable = "NECTARQL_SNAPSHOT"

    static func resolve(_ given: String?, environment: [String: String]) -> String {
        if let given, !given.isEmpty { return given }
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        return defaultPath(environment: environment)
    }

    /// Only this path gets its directory created: a path the user typed with a missing directory
    /// is more likely a typo, and is refused as sqlite3 refuses it.
    static func defaultPath(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/nectarql/snapshot.sqlite" }
        return (environment["HOME"] ?? ".") + "/.local/share/nectarql/snapshot.sqlite"
    }
}
