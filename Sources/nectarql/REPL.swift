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
        CompletionCandidates.catalog = { [engine = session.engine] in engine.catalog }
        let customFields = await startLoadingCustomFields()
        defer {
            customFields.cancel()
            history.trim()
        }
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

    /// How long the first prompt waits for the custom field definitions, so Tab knows them from
    /// the first line. A slow or throttling API gets the prompt anyway: the analyst can type (and
    /// Ctrl-C a statement that waits) while the load carries on behind the prompt.
    static let customFieldsWait: Duration = .seconds(2)

    /// Starts reading the definitions and waits for them at most `customFieldsWait`. A failure
    /// is left to the first statement, which reads them again and reports it.
    private func startLoadingCustomFields() async -> Task<Void, Never> {
        let (settled, signal) = AsyncStream<Void>.makeStream()
        // Detached: the prompt blocks the main actor while it reads a line.
        let load = Task.detached { [engine = session.engine] in
            try? await engine.loadCustomFields()
            signal.finish()
        }
        let deadline = Task.detached {
            try? await Task.sleep(for: Self.customFieldsWait)
            signal.finish()
        }
        for await _ in settled {}
        deadline.cancel()
        return load
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
