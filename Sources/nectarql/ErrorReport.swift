import NectarQL

/// Turns a failed statement's error into the text on stderr and the exit status it implies.
///
/// Locations in a `QueryError` count from the start of the statement; they are moved to the
/// statement's place in the script so the message reads `file:line:column: error: …` with the
/// script's own line and a caret under the spot.
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
            return (shifted(error).rendered(source: script, origin: origin), .queryError)
        case let error as APIError:
            return (prefixed(error.description), .apiError)
        case let error as OutputError:
            return (prefixed(error.description), .queryError)
        default:
            return (prefixed(String(describing: error)), .queryError)
        }
    }

    /// `origin:line:column: error: message` for errors that belong to the statement as a whole.
    private func prefixed(_ message: String) -> String {
        guard let origin else { return "error: \(message)" }
        return "\(origin):\(statementStart): error: \(message)"
    }

    private func shifted(_ error: QueryError) -> QueryError {
        guard let location = error.location else {
            return QueryError(error.message, at: statementStart)
        }
        let column = location.line == 1 ? statementStart.column + location.column - 1 : location.column
        let moved = SourceLocation(
            offset: statementStart.offset + location.offset,
            line: statementStart.line + location.line - 1,
            column: column)
        return QueryError(error.message, at: moved)
    }
}
