import NectarQL

/// Where results go and how they look; `.mode`, `.headers`, `.output`, `.once` and `.tz` change it.
@MainActor
final class OutputSettings {
    var options: OutputOptions
    /// Whether the format was chosen (on the command line or with `.mode`); when it was not, a
    /// file's name chooses it (`.output x.json`), and CSV when the name does not say.
    var formatIsExplicit: Bool
    private let standardOutput = FileHandleSink.standardOutput()
    /// The file chosen with `.output FILE`, or nil for standard output.
    private var redirected: FileTarget?
    /// The file chosen with `.once FILE`, used by the next statement only.
    private var once: FileTarget?

    private struct FileTarget {
        let sink: FileHandleSink
        let path: String
    }

    /// One result's destination: the sink, the options for it, and whether a person sees it.
    struct Destination {
        let sink: OutputSink
        let options: OutputOptions
        let isTerminal: Bool
    }

    init(options: OutputOptions, formatIsExplicit: Bool) {
        self.options = options
        self.formatIsExplicit = formatIsExplicit
    }

    /// `.output FILE`: later results go to the file (replacing it); nil returns to standard output.
    func redirect(to path: String?) throws {
        try redirected?.sink.flush()
        redirected = nil
        if let path {
            redirected = FileTarget(sink: try FileHandleSink(path: path), path: path)
        }
    }

    /// `.once FILE`: the next statement's result goes to the file.
    func redirectOnce(to path: String) throws {
        once = FileTarget(sink: try FileHandleSink(path: path), path: path)
    }

    /// The destination of the next result; a `.once` file is handed out a single time.
    func takeDestination() -> Destination {
        let target = once ?? redirected
        once = nil
        var options = options
        if let target, !formatIsExplicit {
            options.format = OutputFormat(fileName: target.path) ?? .csv
        }
        let isTerminal = target == nil && Terminal.outputIsTerminal
        options.terminalWidth = isTerminal ? Terminal.outputWidth : nil
        options.terminalStyles = isTerminal && Terminal.allowsStyles
        return Destination(sink: target?.sink ?? standardOutput, options: options, isTerminal: isTerminal)
    }

    /// The sink for dot-command listings such as `.tables` (never consumes `.once`).
    var currentSink: OutputSink { redirected?.sink ?? standardOutput }

    func flush() {
        try? standardOutput.flush()
        try? redirected?.sink.flush()
    }
}

extension OutputFormat {
    /// The format a file's extension names (`x.csv`, `x.JSON`, `x.ndjson`), or nil.
    init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }
}
