/// A light scan of a script that knows only what hides a `;`: strings, quoted names and
/// comments. Used to split scripts and to tell the REPL whether a buffer is complete.
struct ScriptScanner {
    private var cursor: ScalarCursor
    /// The text ended inside a string, quoted name or block comment.
    private(set) var endsInsideQuoteOrComment = false
    /// The last piece returned was closed by a `;`.
    private(set) var lastPieceTerminated = false

    init(_ script: String) {
        cursor = ScalarCursor(script)
    }

    mutating func nextPiece() -> StatementSplitter.Piece? {
        guard skipToStatementStart() else { return nil }
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
            if scalar.properties.isWhitespace || scalar == ";" {
                cursor.advance()
            } else if scalar == "-", cursor.peek() == "-" {
                skipLineComment()
            } else if scalar == "/", cursor.peek() == "*" {
                var probe = self
                if !probe.skipBlockComment() { return true }
                self = probe
            } else {
                return true
            }
        }
        return false
    }

    private mutating func skipLineComment() {
        while let scalar = cursor.current, scalar != "\n" { cursor.advance() }
    }

    /// False when the comment is not closed.
    private mutating func skipBlockComment() -> Bool {
        cursor.advance()
        cursor.advance()
        while let scalar = cursor.current {
            if scalar == "*", cursor.peek() == "/" {
                cursor.advance()
                cursor.advance()
                return true
            }
            cursor.advance()
        }
        endsInsideQuoteOrComment = true
        return false
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
        endsInsideQuoteOrComment = true
    }
}
