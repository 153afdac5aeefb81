/// The database server holding a snapshot could not be reached, refused the login, or went away
/// mid-run: like an API failure, something outside the program, so the shell exits with 3. The
/// snapshot is as it was before (its transaction never committed).
package struct SnapshotServerError: Error, CustomStringConvertible, Sendable {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}
