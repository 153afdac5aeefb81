/// A light scan of a script that knows only what hides a `;`: strings, quoted names and
/// comments. Used to split scripts (a statement ends only at its `;`); with a
/// directive prefix it also picks out the shell's directive lines (`.mode csv`).
struct ScriptScanner {
    private var cursor: ScalarCursor
    /// A line starting with it (after blanks) where no statement is open is a directive.
    private let directivePrefix: Unicode.Scalar?
    /// Only blanks since the start of the current line.
    private var atLineStart = true
    /// The last piece returned was closed by a `;`.
    private(set) var lastPieceTerminated = false

    /// `start` places the text inside a larger script (a tail still to be split), so locations
    /// are the larger script's; a text starting mid-line cannot start with a directive.
    init(_ script: String, directivePrefix: Unicode.Scalar? = nil, startingAt start: SourceLocation = .start) {
        cursor = ScalarCursor(script, startingAt: start)
        self.directivePrefix = directivePrefix
        atLineStart = start.column == 1
    }

    /// Where the scan has got to: the end of the text once `nextItem` has answered nil.
    var location: SourceLocation { cursor.location }

    mutating func nextPiece() -> StatementSplitter.Piece? {
        guard skipToStatementStart() else { return nil }
        return readPiece()
    }

    /// The next statement or directive line; nil at the end of the script.
    mutating func nextItem() -> ScriptItem? {
        guard skipToStatementStart() else { return nil }
        if atLineStart, let prefix = directivePrefix, cursor.current == prefix {
            let line = cursor.location.line
            return .directive(readLine(), line: line)
        }
        return readPiece().map(ScriptItem.statement)
    }

    /// The rest of the line without trailing blanks; the line break is consumed too.
    private mutating func readLine() -> String {
        let start = cursor.index
        var end = start
        while let scalar = cursor.current, scalar != "\n" {
            cursor.advance()
            if !scalar.properties.isWhitespace { end = cursor.index }
        }
        if cursor.skip("\n") { atLineStart = true }
        return cursor.text(from: start, to: end)
    }

    private mutating func readPiece() -> StatementSplitter.Piece? {
        atLineStart = false
        let start = cursor.location
        let startIndex = cursor.index
        var contentEnd = startIndex
        while let scalar = cursor.current {
            switch scalar {
            case ";":
                let text = cursor.text(from: startIndex, to: contentEnd)
                cursor.advance()
                lastPieceTerminated = true
                return StatementSplitter.Piece(text: text, location: start)
            case "'", "\"":
                skipQuoted(scalar)
                contentEnd = cursor.index
            case "-" where cursor.peek() == "-":
                skipLineComment()
            case "/" where cursor.peek() == "*":
                // An unterminated comment stays in the text so the parser reports it.
                if !skipBlockComment() { contentEnd = cursor.index }
            default:
                cursor.advance()
                if !scalar.properties.isWhitespace { contentEnd = cursor.index }
            }
        }
        lastPieceTerminated = false
        return StatementSplitter.Piece(text: cursor.text(from: startIndex, to: contentEnd), location: start)
    }

    /// Skips blank space, comments and empty statements; false at the end of the text.
    /// Stops at an unterminated block comment so it becomes a piece and gets reported.
    private mutating func skipToStatementStart() -> Bool {
        while let scalar = cursor.current {
            if scalar == "\n" {
                cursor.advance()
                atLineStart = true
            } else if scalar.properties.isWhitespace {
                cursor.advance()
            } else if scalar == ";" {
                cursor.advance()
                atLineStart = false
            } else if scalar == "-", cursor.peek() == "-" {
                skipLineComment()
                atLineStart = false
            } else if scalar == "/", cursor.peek() == "*" {
                var probe = self
                if !probe.skipBlockComment() { return true }
                self = probe
                atLineStart = false
            } else {
                return true
            }
        }
        return false
    }

    private mutating func skipLineComment() {
        cursor.skipLineComment()
    }

    /// False when the comment is not closed.
    private mutating func skipBlockComment() -> Bool {
        cursor.skipBlockComment()
    }

    private mutating func skipQuoted(_ quote: Unicode.Scalar) {
        cursor.advance()
        while let scalar = cursor.current {
            cursor.advance()
            if scalar == quote {
                guard cursor.current == quote else { return }
                cursor.advance()
            }
        }
    }
}
