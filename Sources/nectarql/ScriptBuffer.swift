import NectarQL
import NectarSyntax

/// Text read so far (typed lines, piped lines or a whole file), cut into what may run now:
/// statements ended by `;` and dot-command lines. Only `;` ends a statement, as in psql,
/// sqlite3 and DuckDB; a statement still open waits for more text, or for `finish` at the end
/// of a script. The prompt and the script runner share it, so both split input alike.
struct ScriptBuffer {
    /// Everything appended, for placing error messages (`line:column` and the caret).
    private(set) var script = ""
    /// The text not split off yet (an unfinished statement) and where it starts in `script`.
    private var open = ""
    private var openStart = SourceLocation.start
    /// That statement as the last split saw it.
    private var unfinished: StatementSplitter.Piece?

    /// Whether a statement has begun and not ended (the prompt then shows its continuation).
    var hasOpenStatement: Bool { unfinished != nil }

    /// The unfinished statement's text so far, for Tab completion.
    var openText: String { hasOpenStatement ? open : "" }

    /// Adds text and answers the items it completed, in order.
    mutating func append(_ text: String) -> [ScriptItem] {
        script += text
        open += text
        let split = ShellScript.split(open, startingAt: openStart)
        unfinished = split.unterminated
        if let unfinished {
            open = String(decoding: open.utf8.dropFirst(unfinished.location.offset - openStart.offset), as: UTF8.self)
            openStart = unfinished.location
        } else {
            open = ""
            openStart = split.end
        }
        return split.items
    }

    /// The end of a script: its last statement may do without `;`.
    mutating func finish() -> [ScriptItem] {
        defer { unfinished = nil; open = "" }
        return unfinished.map { [.statement($0)] } ?? []
    }
}
