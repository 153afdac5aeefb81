/// The database server holding a snapshot could not be reached, refused the login, or went away
/// mid-run: like an API failure, something outside the program, so the shell exits with 3. The
/// snapshot is as it was before (its transaction never committed).
public struct SnapshotServerError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
