import NectarQL

/// The interactive shell: prompt, continuation prompt for unfinished statements, history,
/// Ctrl-C to drop a line or cancel a statement, Ctrl-D (or `.quit`) to leave.
@MainActor
final class REPL {
    static let prompt = "nectarql> "
    static let continuationPrompt = "      ...> "

    private let session: Session
    private let history: HistoryFile
    /// Lines of a statement that has not ended yet.
    private var pending = ""

    init(session: Session, history: HistoryFile) {
        self.session = session
        self.history = history
    }

    func run() async {
        history.load()
        LineEditor.configure(completionContext: { [unowned self] in MainActor.assumeIsolated { self.pending } })
        CompletionCandidates.catalog = { [engine = session.engine] in engine.catalog }
        // Read up front so Tab offers custom fields from the start; a failure here is reported
        // by the first statement, which tries again.
        try? await session.engine.loadCustomFields()
        defer { history.trim() }
        while !session.wantsToQuit {
            switch LineEditor.read(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt) {
            case .endOfInput:
                if pending.isEmpty { return }
                pending = ""  // Ctrl-D inside a statement drops it, like a shell
                StandardError.line("")
            case .interrupted:
                pending = ""
            case .line(let line):
                await accept(line)
            }
        }
    }

    private func accept(_ line: String) async {
        pending += pending.isEmpty ? line : "\n" + line
        let split = ShellScript.split(pending)
        let endsNow = split.unterminated.map { StatementCompleteness.isComplete($0.text) } ?? false
        guard !split.items.isEmpty || endsNow else {
            if pending.trimmingBlanks().isEmpty { pending = "" }
            return
        }
        let script = pending
        // An unfinished statement stays pending, from its start; what came before it is done.
        let open = endsNow ? nil : split.unterminated
        let bytes = Array(script.utf8)
        pending = open.map { String(decoding: bytes[$0.location.offset...], as: UTF8.self) } ?? ""
        history.add(open.map { String(decoding: bytes[..<$0.location.offset], as: UTF8.self) } ?? script)
        var items = split.items
        if endsNow, let last = split.unterminated { items.append(.statement(last)) }
        for item in items {
            if await session.run(item, script: script, origin: nil) == .interrupted { break }
            if session.wantsToQuit { break }
        }
    }
}
