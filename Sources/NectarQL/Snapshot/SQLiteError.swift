/// A failure of the SQLite library, with what was being done and what the user can do about it.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
