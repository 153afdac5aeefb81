/// Why a snapshot (a SQLite file or a PostgreSQL mirror) could not be opened, synced or read,
/// and what the user can do about it.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
    /// What a program may branch on; the description says the rest.
    public enum Kind: Sendable, Hashable {
        /// The disk (or the user's quota, or a file size limit) had no room for the sync's writes:
        /// nothing was committed, and freeing space and syncing again is the remedy.
        case storageFull
        case other
    }

    public let description: String
    public let kind: Kind

    public init(_ description: String, kind: Kind = .other) {
        self.description = description
        self.kind = kind
    }

    /// A file SQLite cannot read as a database, or a damaged one: `reason` says what was found.
    static func unreadable(_ path: String, _ reason: String) -> SnapshotError {
        SnapshotError("'\(path)' is not a readable SQLite snapshot (\(reason)); move it away and run `nectarql sync` to make a new one")
    }
}
