import NectarQL
import NectarSnapshot

/// Turns a failed statement's error into the text on stderr and the exit status it implies.
///
/// Statements are parsed where they stand in the script, so a `QueryError`'s location is the
/// script's own and the message reads `file:line:column: error: …` with a caret under the spot;
/// an error without a place is put at the statement's start.
struct ErrorReport {
    /// The whole script the statement came from (a file, `-c`, stdin, or what was typed).
    let script: String
    /// `file.nql`, `-c` or `stdin`; nil at the interactive prompt.
    let origin: String?
    /// Where the statement starts in `script`.
    let statementStart: SourceLocation

    func describe(_ error: any Error) -> (message: String, status: ExitStatus) {
        switch error {
        case let error as QueryError:
            let placed = error.location == nil ? QueryError(error.message, at: statementStart) : error
            return (placed.rendered(source: script, origin: origin), .queryError)
        case let error as APIError:
            return (prefixed(error.description), .apiError)
        case let error as SnapshotServerError:
            return (prefixed(error.description), .apiError)
        case let error as MissingTokenError:
            return (prefixed(error.description), .usageError)
        case let error where OutputFailure.isWriteFailure(error):
            return (prefixed(String(describing: error)), .writeFailed)
        default:
            return (prefixed(String(describing: error)), .queryError)
        }
    }

    /// `origin:line:column: error: message` for errors that belong to the statement as a whole.
    private func prefixed(_ message: String) -> String {
        guard let origin else { return "error: \(message)" }
        return "\(origin):\(statementStart): error: \(message)"
    }
}
