/// Tells the REPL whether Enter should run the buffer or ask for another line (psql-like).
public enum StatementCompleteness {
    /// True when the buffer is ready to run:
    /// - it is not inside a string, quoted name or block comment, and
    /// - it ends with `;`, or its last statement parses as a whole (so `select 1` runs without
    ///   `;`, while `select nome from` or an open parenthesis waits for more), or
    /// - it holds nothing to run (blank or only comments), so Enter just shows a new prompt.
    /// A statement with a real syntax error waits for `;` and is then reported.
    /// Dot-commands are the shell's business and are not recognised here.
    public static func isComplete(_ buffer: String) -> Bool {
        var scanner = ScriptScanner(buffer)
        var last: StatementSplitter.Piece?
        while let piece = scanner.nextPiece() { last = piece }
        if scanner.endsInsideQuoteOrComment { return false }
        guard let last else { return true }
        if scanner.lastPieceTerminated { return true }
        do {
            _ = try Parser.parseStatement(last.text)
            return true
        } catch {
            return false
        }
    }
}
