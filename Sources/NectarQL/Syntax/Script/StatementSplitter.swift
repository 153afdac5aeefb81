/// Splits a script into statement texts at `;` outside strings, quoted names and comments,
/// without parsing them — so the shell can run statement 1 before statement 2 is even checked.
package enum StatementSplitter {
    /// One statement's text (no `;`, no leading blank space or comments, no trailing blank
    /// space) and where it starts in the script.
    package struct Piece: Sendable, Hashable {
        package let text: String
        package let location: SourceLocation
    }

    /// The non-empty statements of `script`. Never throws: an unterminated string or comment
    /// simply runs to the end, and parsing that piece reports it at its start.
    package static func split(_ script: String) -> [Piece] {
        var scanner = ScriptScanner(script)
        var pieces: [Piece] = []
        while let piece = scanner.nextPiece() { pieces.append(piece) }
        return pieces
    }
}
