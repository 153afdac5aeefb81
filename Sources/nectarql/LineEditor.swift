import CReadline
import Foundation

/// What the person did at the prompt.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-D on an empty line.
    case endOfInput
    /// Ctrl-C: the line is dropped.
    case interrupted
}

/// GNU readline, driven through its callback interface so that Ctrl-C is noticed at once:
/// we wait for a key with `poll`, which a signal interrupts, instead of blocking in `readline()`.
///
/// readline calls back into C-compatible functions; the state they need lives in
/// `LineEditorState`, touched only from the thread that runs the prompt.
@MainActor
enum LineEditor {
    /// How long one wait for a key lasts before Ctrl-C is checked again (a signal also wakes it).
    static let pollMilliseconds: Int32 = 200

    static func configure(completionContext: @escaping () -> String) {
        // Our own SIGINT handler stays in place (readline must not install its own), and the
        // prompt goes to the terminal even when results are redirected to a file.
        LineEditorState.pendingStatement = completionContext
        nectarql_readline_configure(strdup("nectarql"), Terminal.outputIsTerminal ? 0 : 1, complete)
    }

    static func read(prompt: String) -> LineInput {
        LineEditorState.received = nil
        TerminationSignal.catchWhilePrompting()
        defer { TerminationSignal.restoreDefaults() }
        rl_callback_handler_install(prompt, lineReceived)
        while true {
            if let signal = TerminationSignal.pending {
                // Removing the handler restores the terminal's modes before the process goes.
                rl_callback_handler_remove()
                TerminationSignal.die(of: signal)
            }
            if InterruptSignal.consume() {
                abandonLine()
                rl_callback_handler_remove()
                return .interrupted
            }
            var descriptor = pollfd(fd: nectarql_readline_input_descriptor(), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, pollMilliseconds) > 0 else { continue }
            rl_callback_read_char()
            if let received = LineEditorState.received { return received }
        }
    }

    /// Ctrl-C at the prompt: forget the half-typed line and start a fresh one.
    private static func abandonLine() {
        rl_replace_line("", 0)
        rl_callback_sigcleanup()
        let out = nectarql_readline_output()
        fputs("^C\n", out)
        fflush(out)
    }
}

/// Swift state for readline's C callbacks; they run synchronously on the prompt's thread.
enum LineEditorState {
    nonisolated(unsafe) static var received: LineInput?
    nonisolated(unsafe) static var pendingStatement: () -> String = { "" }
}

/// readline hands over a finished line (or NULL for end of input); we own and free it.
/// Removing the handler here stops readline from drawing the next prompt before the
/// statement's output.
private func lineReceived(_ line: UnsafeMutablePointer<CChar>?) {
    rl_callback_handler_remove()
    guard let line else {
        LineEditorState.received = .endOfInput
        return
    }
    LineEditorState.received = .line(String(cString: line))
    free(line)
}

/// `rl_attempted_completion_function`: builds readline's NULL-terminated, malloc'ed match list.
private func complete(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let word = text.map { String(cString: $0) } ?? ""
    let line = nectarql_readline_line_buffer().map { String(cString: $0) } ?? ""
    let lineBefore = String(decoding: Array(line.utf8.prefix(Int(start))), as: UTF8.self)
    let pending = LineEditorState.pendingStatement()
    // readline calls back synchronously from `LineEditor.read`, on the main thread.
    let candidates = MainActor.assumeIsolated {
        CompletionCandidates.matches(word: word, lineBefore: lineBefore, pending: pending, fullStatement: pending + "\n" + line)
    }
    guard let matches = candidates else {
        return nil  // file names, for `.read` and `.output`
    }
    // A space after a whole word; none after a shared prefix, so typing can go on.
    nectarql_completion_done(matches.count == 1 ? 32 : 0)
    guard !matches.isEmpty else { return nil }
    // readline frees the list with free(3), so it must come from malloc.
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (matches.count + 2)
    let list = malloc(size)!.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: matches.count + 2)
    list[0] = strdup(matches.count == 1 ? matches[0] : commonPrefix(matches))
    for (position, match) in matches.enumerated() where matches.count > 1 {
        list[position + 1] = strdup(match)
    }
    list[matches.count == 1 ? 1 : matches.count + 1] = nil
    return list
}

private func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map({ Array($0) }) else { return "" }
    for word in words.dropFirst() {
        let characters = Array(word)
        var length = 0
        while length < min(prefix.count, characters.count), prefix[length] == characters[length] { length += 1 }
        prefix = Array(prefix.prefix(length))
    }
    return String(prefix)
}
