import NectarQL

/// One thing to do from a script or from what was typed at the prompt.
enum ScriptItem: Equatable {
    /// A statement's text (without its `;`) and where it starts in the script.
    case statement(String, at: SourceLocation)
    /// A dot-command line such as `.mode csv`, with its line number.
    case dotCommand(String, line: Int)
}

/// Cuts input into statements at top-level `;` and picks out dot-command lines, like sqlite3:
/// a line whose first character (after blanks) is `.` is a dot-command when no statement is open.
/// Quotes and comments are respected, so `';'` and `-- a;b` do not end a statement.
struct ScriptSplitter {
    private enum State { case code, singleQuoted, doubleQuoted, lineComment, blockComment }

    /// The complete items and the unterminated text after the last `;` (maybe empty or only blanks).
    struct Result {
        var items: [ScriptItem] = []
        var remainder: String = ""
        var remainderStart: SourceLocation = .start
    }

    static func split(_ text: String) -> Result {
        var splitter = ScriptSplitter(scalars: Array(text.unicodeScalars))
        return splitter.run()
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var offset = 0
    private var state = State.code
    /// Where the open statement's first significant character is, if one has been seen.
    private var statementStart: (index: Int, location: SourceLocation)?
    private var result = Result()

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private mutating func run() -> Result {
        var atLineStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if atLineStart, statementStart == nil, state == .code, let command = dotCommandLine() {
                result.items.append(.dotCommand(command, line: line))
                continue
            }
            atLineStart = scalar == "\n" || (atLineStart && (scalar == " " || scalar == "\t" || scalar == "\r"))
            step(scalar)
        }
        if let start = statementStart {
            result.remainder = String(String.UnicodeScalarView(scalars[start.index...]))
            result.remainderStart = start.location
        }
        return result
    }

    private var location: SourceLocation { SourceLocation(offset: offset, line: line, column: column) }

    private func peek(_ distance: Int) -> Unicode.Scalar? {
        index + distance < scalars.count ? scalars[index + distance] : nil
    }

    /// Consumes a dot-command line when the current line, after blanks, starts with `.`.
    private mutating func dotCommandLine() -> String? {
        var probe = index
        while probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
        guard probe < scalars.count, scalars[probe] == "." else { return nil }
        var end = probe
        while end < scalars.count, scalars[end] != "\n" { end += 1 }
        let command = String(String.UnicodeScalarView(scalars[probe..<end])).trimmingBlanks()
        while index < end { advance() }
        if index < scalars.count { advance() }
        return command
    }

    private mutating func step(_ scalar: Unicode.Scalar) {
        switch state {
        case .code: stepCode(scalar)
        case .singleQuoted: if scalar == "'" { state = .code }
        case .doubleQuoted: if scalar == "\"" { state = .code }
        case .lineComment: if scalar == "\n" { state = .code }
        case .blockComment:
            if scalar == "*", peek(1) == "/" { advance(); state = .code }
        }
        advance()
    }

    private mutating func stepCode(_ scalar: Unicode.Scalar) {
        if scalar == "-", peek(1) == "-" { state = .lineComment; return }
        if scalar == "/", peek(1) == "*" { state = .blockComment; advance(); return }
        if scalar == ";" { endStatement(); return }
        if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { return }
        if statementStart == nil { statementStart = (index, location) }
        if scalar == "'" { state = .singleQuoted }
        if scalar == "\"" { state = .doubleQuoted }
    }

    private mutating func endStatement() {
        guard let start = statementStart else { return }
        let text = String(String.UnicodeScalarView(scalars[start.index..<index]))
        result.items.append(.statement(text, at: start.location))
        statementStart = nil
    }

    private mutating func advance() {
        let scalar = scalars[index]
        offset += scalar.utf8.count
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let blanks: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r"]
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !blanks.contains($0) }),
              let last = view.lastIndex(where: { !blanks.contains($0) })
        else { return "" }
        return String(view[first...last])
    }
}
