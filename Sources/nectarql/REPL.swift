import NectarQL

/// The interactive shell: prompt, continuation prompt for unfinished statements, history,
/// Ctrl-C to drop a line or cancel a statement, Ctrl-D (or `.quit`) to leave.
@MainActor
final class REPL {
    static let prompt = "nectarql> "
    static let continuationPrompt = "      ...> "

    private let session: Session
    private let history: HistoryFile
    /// The lines typed since the prompt was last fresh; a statement runs only at its `;`.
    private var buffer = ScriptBuffer()
    /// Whether something of `buffer` has run (then it belongs in the history).
    private var ranSomething = false

    init(session: Session, history: HistoryFile) {
        self.session = session
        self.history = history
    }

    func run() async {
        history.load()
        LineEditor.configure(completionContext: { [unowned self] in MainActor.assumeIsolated { self.buffer.openText } })
        defer { history.trim() }
        while !session.wantsToQuit {
            switch LineEditor.read(prompt: buffer.hasOpenStatement ? Self.continuationPrompt : Self.prompt) {
            case .endOfInput:
                if !buffer.hasOpenStatement { return }
                StandardError.line("")  // Ctrl-D inside a statement drops it, like a shell
                startAfresh()
            case .interrupted:
                startAfresh()
            case .line(let line):
                await accept(line)
            }
        }
    }

    /// Runs what the line completed: statements ended by `;` and dot-command lines.
    private func accept(_ line: String) async {
        let items = buffer.append(line + "\n")
        for item in items {
            ranSomething = true
            if await session.run(item, script: buffer.script, origin: nil) == .interrupted { break }
            if session.wantsToQuit { break }
        }
        if !buffer.hasOpenStatement { startAfresh() }
    }

    /// Forgets the typed text; what ran of it becomes one history entry, so error places count
    /// lines from the entry's start.
    private func startAfresh() {
        if ranSomething { history.add(buffer.script) }
        buffer = ScriptBuffer()
        ranSomething = false
    }
}
