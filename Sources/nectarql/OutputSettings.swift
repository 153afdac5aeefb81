import NectarQL

/// Where results go and how they look; `.mode`, `.headers`, `.output`, `.once` and `.tz` change it.
@MainActor
final class OutputSettings {
    var options: OutputOptions
    private let standardOutput = FileHandleSink.standardOutput()
    /// The file chosen with `.output FILE`, or nil for standard output.
    private var redirected: FileHandleSink?
    /// The file chosen with `.once FILE`, used by the next statement only.
    private var once: FileHandleSink?

    init(options: OutputOptions) {
        self.options = options
    }

    /// `.output FILE`: later results go to the file (replacing it); nil returns to standard output.
    func redirect(to path: String?) throws {
        try redirected?.flush()
        redirected = nil
        if let path {
            redirected = try FileHandleSink(path: path)
        }
    }

    /// `.once FILE`: the next statement's result goes to the file.
    func redirectOnce(to path: String) throws {
        once = try FileHandleSink(path: path)
    }

    /// The sink for the next result; a `.once` file is handed out a single time.
    func takeSink() -> OutputSink {
        if let sink = once {
            once = nil
            return sink
        }
        return redirected ?? standardOutput
    }

    /// The sink for dot-command listings such as `.tables` (never consumes `.once`).
    var currentSink: OutputSink { redirected ?? standardOutput }

    /// Whether the result is going to a person's terminal (table width, progress erasing).
    var writesToTerminal: Bool { redirected == nil && once == nil && Terminal.outputIsTerminal }

    func flush() {
        try? standardOutput.flush()
        try? redirected?.flush()
    }
}
