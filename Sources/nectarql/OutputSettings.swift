import NectarOutput
import NectarQL

/// Where results go and how they look; `.mode`, `.headers`, `.output` and `.once` change it (the
/// zone is the engine's, read per statement).
@MainActor
final class OutputSettings {
    var options: OutputOptions
    /// Whether the format was chosen (on the command line or with `.mode`); when it was not, a
    /// file's name chooses it (`.output x.json`), and CSV when the name does not say.
    var formatIsExplicit: Bool
    private let standardOutput = FileHandleSink.standardOutput()
    /// The file chosen with `.output FILE` (or `-o`), or nil for standard output.
    private var redirected: FileTarget?
    /// The file chosen with `.once FILE`, used by the next statement only.
    private var once: FileTarget?
    /// A `.once` workbook the running statement writes; closed when the statement ends.
    private var onceWorkbookInUse: Workbook?
    /// xlsx to standard output (a file or a pipe): one workbook for the whole session.
    private var standardOutputWorkbook: Workbook?
    /// Whether a result already went to standard output as text: a workbook cannot follow it there.
    private var standardOutputHasText = false

    private struct FileTarget {
        let destination: ResultDestination
        let path: String
    }

    /// One result's destination: where it goes, the options for it, and whether a person sees it.
    struct Destination {
        let target: ResultDestination
        let options: OutputOptions
        let isTerminal: Bool
    }

    init(options: OutputOptions, formatIsExplicit: Bool) {
        self.options = options
        self.formatIsExplicit = formatIsExplicit
        standardOutput.stopsWhen = OutputSettings.stopsOnInterrupt
    }

    /// Writing stops at a pending Ctrl-C (or SIGTERM in batch mode): the statement runner then
    /// reports the interruption. A table is written whole at its end, outside any other check.
    private static let stopsOnInterrupt: () -> Bool = { InterruptSignal.isPending }

    /// `.output FILE`: later results go to the file (replacing it); nil returns to standard output.
    /// A workbook open on the previous file is written first.
    func redirect(to path: String?) throws {
        let previous = redirected
        redirected = nil
        var closing: (any Error)?
        do { try previous?.destination.close() } catch { closing = error }
        if let path {
            redirected = FileTarget(destination: try open(path), path: path)
        }
        if let closing { throw closing }
    }

    /// `.once FILE`: the next statement's result goes to the file.
    func redirectOnce(to path: String) throws {
        try once?.destination.close()
        once = nil
        once = FileTarget(destination: try open(path), path: path)
    }

    /// A workbook when the name ends in `.xlsx` or the format is xlsx, else a text file.
    private func open(_ path: String) throws -> ResultDestination {
        if ResultDestination.namesWorkbook(path) || options.format == .xlsx {
            return .workbook(try Workbook(destination: .file(path: path)))
        }
        let sink = try FileHandleSink(path: path)
        sink.stopsWhen = Self.stopsOnInterrupt
        return .stream(sink)
    }

    /// Where the next result goes, consuming a pending `.once`. xlsx needs a file: to a
    /// terminal it is refused with a hint, to redirected standard output it is one workbook
    /// for the session, copied out when the session ends.
    func takeDestination() throws -> Destination {
        if let target = once {
            once = nil
            if case .workbook(let workbook) = target.destination { onceWorkbookInUse = workbook }
            return file(target)
        }
        if let redirected {
            if case .stream = redirected.destination, options.format == .xlsx { throw OutputRefusal.xlsxIntoTextFile }
            return file(redirected)
        }
        let isTerminal = Terminal.outputIsTerminal
        var options = options
        options.terminalWidth = isTerminal ? Terminal.outputWidth : nil
        options.terminalStyles = isTerminal && Terminal.allowsStyles
        guard options.format == .xlsx else {
            // Text after the session's workbook would end up in front of it, and neither would open.
            if standardOutputWorkbook != nil { throw OutputRefusal.textAfterWorkbook }
            standardOutputHasText = true
            return Destination(target: .stream(standardOutput), options: options, isTerminal: isTerminal)
        }
        guard !isTerminal else { throw OutputRefusal.xlsxToTerminal }
        if standardOutputHasText { throw OutputRefusal.xlsxAfterText }
        let workbook = try standardOutputWorkbook ?? Workbook(destination: .sink(standardOutput))
        standardOutputWorkbook = workbook
        return Destination(target: .workbook(workbook), options: options, isTerminal: false)
    }

    /// A file's destination: its name chooses the format unless one was chosen explicitly.
    private func file(_ target: FileTarget) -> Destination {
        var options = options
        if case .stream = target.destination, !formatIsExplicit {
            options.format = OutputFormat(fileName: target.path) ?? .csv
        }
        options.terminalWidth = nil
        options.terminalStyles = false
        return Destination(target: target.destination, options: options, isTerminal: false)
    }

    /// Writes the `.once` workbook the statement that just ended wrote into.
    func closeOnceWorkbook() throws {
        let workbook = onceWorkbookInUse
        onceWorkbookInUse = nil
        try workbook?.close()
    }

    /// The sink for dot-command listings such as `.tables` (never consumes `.once`).
    var currentSink: OutputSink {
        if case .stream(let sink) = redirected?.destination { return sink }
        return standardOutput
    }

    func flush() {
        try? standardOutput.flush()
        try? redirected?.destination.flush()
    }

    /// At the end of the session: writes the open workbooks; answers what went wrong, if anything.
    func close() -> [any Error] {
        var failures: [any Error] = []
        var open = [once?.destination, redirected?.destination].compactMap { $0 }
        if let standardOutputWorkbook { open.append(.workbook(standardOutputWorkbook)) }
        for destination in open {
            do { try destination.close() } catch { failures.append(error) }
        }
        once = nil
        redirected = nil
        standardOutputWorkbook = nil
        flush()
        return failures
    }
}

extension OutputFormat {
    /// The format a file's extension names (`x.csv`, `x.JSON`, `x.ndjson`, `x.xlsx`), or nil.
    init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "md", "markdown": self = .markdown
        case "xlsx": self = .xlsx
        default: return nil
        }
    }
}
