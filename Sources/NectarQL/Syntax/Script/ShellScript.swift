/// One thing a shell script asks for: a statement, or a directive line for the shell itself.
package enum ScriptItem: Sendable, Hashable {
    case statement(StatementSplitter.Piece)
    /// A line whose first character after blanks is the directive prefix, where no statement is
    /// open (sqlite3's dot-commands): its text without trailing blanks, and its line number.
    case directive(String, line: Int)
}

/// Splits what a shell reads into statements and directive lines: `.mode csv` on a line of its
/// own is a directive, anything else splits at `;` outside strings and comments as
/// `StatementSplitter` does, so `';'`, `-- a;b` and a `.` inside a statement stay statement text.
package enum ShellScript {
    package struct Split: Sendable {
        /// The statements ended by `;` and the directive lines, in order.
        package var items: [ScriptItem] = []
        /// The statement after the last `;`, when there is one (the REPL waits for its end).
        package var unterminated: StatementSplitter.Piece?
        /// Where the text ends, to go on from there when more arrives.
        package var end: SourceLocation = .start
    }

    /// `start` places `script` inside a larger one, for input that arrives in pieces: the
    /// items' locations are then the larger script's.
    package static func split(_ script: String, directivePrefix: Unicode.Scalar = ".", startingAt start: SourceLocation = .start) -> Split {
        var scanner = ScriptScanner(script, directivePrefix: directivePrefix, startingAt: start)
        var split = Split()
        while let item = scanner.nextItem() {
            if case .statement(let piece) = item, !scanner.lastPieceTerminated {
                split.unterminated = piece
            } else {
                split.items.append(item)
            }
        }
        split.end = scanner.location
        return split
    }
}
