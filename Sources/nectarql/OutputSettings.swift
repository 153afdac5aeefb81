import NectarQL

/// Where results go and how they look; `.mode`, `.headers`, `.output`, `.once` and `.tz` change it.
@MainActor
final class OutputSettings {
    var options: OutputOptions
    private let standardOutput = FileHandleSink.standardOutput()
    /// The file chosen with `.output FILE`, or nil for standard output.
    private var redirected: ResultDestination?
    /// The file chosen with `.once FILE`, used by the next statement only.
    private var once: ResultDestination?
    /// A `.once` workbook the running statement writes; closed when the statement ends.
    private var onceWorkbookInUse: Workbook?
    /// xlsx to standard output (a file or a pipe): one workbook for the whole session.
    private var standardOutputWorkbook: Workbook?

    init(options: OutputOptions) {
        self.options = options
    }

    /// `.output FILE`: later results go to the file (replacing it); nil returns to standard output.
    /// A workbook open on the previous file is written first.
    func redirect(to path: String?) throws {
        let previous = redirected
        redirected = nil
        var closing: (any Error)?
        do { try previous?.close() } catch { closing = error }
        if let path {
            redirected = try open(path)
        }
        if let closing { throw closing }
    }

    /// `.once FILE`: the next statement's result goes to the file.
    func redirectOnce(to path: String) throws {
        try once?.close()
        once = nil
        once = try open(path)
    }

    /// A workbook when the name ends in `.xlsx` or the format is xlsx, else a text file.
    private func open(_ path: String) throws -> ResultDestination {
        if ResultDestination.namesWorkbook(path) || options.format == .xlsx {
            return .workbook(try Workbook(destination: .file(path: path)))
        }
        return .stream(try FileHandleSink(path: path))
    }

    /// Where the next result goes, consuming a pending `.once`. xlsx needs a file: to a
    /// terminal it is refused with a hint, to redirected standard output it is one workbook
    /// for the session, copied out when the session ends.
    func takeDestination() throws -> ResultDestination {
        if let destination = once {
            once = nil
            if case .workbook(let workbook) = destination { onceWorkbookInUse = workbook }
            return destination
        }
        if let redirected {
            if case .stream = redirected, options.format == .xlsx { throw OutputRefusal.xlsxIntoTextFile }
            return redirected
        }
        guard options.format == .xlsx else { return .stream(standardOutput) }
        guard !Terminal.outputIsTerminal else { throw OutputRefusal.xlsxToTerminal }
        if let standardOutputWorkbook { return .workbook(standardOutputWorkbook) }
        let workbook = try Workbook(destination: .sink(standardOutput))
        standardOutputWorkbook = workbook
        return .workbook(workbook)
    }

    /// Writes the `.once` workbook the statement that just ended wrote into.
    func closeOnceWorkbook() throws {
        let workbook = onceWorkbookInUse
        onceWorkbookInUse = nil
        try workbook?.close()
    }

    /// The sink for dot-command listings such as `.tables` (never consumes `.once`).
    var currentSink: OutputSink {
        if case .stream(let sink) = redirected { return sink }
        return standardOutput
    }

    /// Whether the result is going to a person's terminal (table width, progress erasing).
    var writesToTerminal: Bool { redirected == nil && once == nil && Terminal.outputIsTerminal }

    func flush() {
        try? standardOutput.flush()
        if case .stream(let sink) = redirected { try? sink.flush() }
    }

    /// At the end of the session: writes the open workbooks; answers what went wrong, if anything.
    func close() -> [any Error] {
        var failures: [any Error] = []
        var open = [once, redirected].compactMap { $0 }
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
