import Foundation
import NectarQL
import NectarSyntax

/// How one statement ended.
enum StatementOutcome: Equatable {
    case succeeded
    case failed(ExitStatus)
    /// Ctrl-C cancelled it.
    case interrupted
    /// The reader of the output went away (`| head -1`): nothing more is worth running.
    case outputClosed
}

/// Runs one statement: asks the engine, streams the rows to the writer, shows progress,
/// reports timing and statistics, and turns Ctrl-C into cancellation of the statement's task.
@MainActor
struct StatementRunner {
    let engine: Engine
    let output: OutputSettings
    let showsProgress: Bool
    let reportsTime: Bool
    let reportsStatistics: Bool

    /// How often a pending Ctrl-C is looked for while a statement runs.
    static let interruptPoll = Duration.milliseconds(50)

    /// How long a cancelled statement may take to wind down before the prompt comes back anyway.
    static let cancellationGrace = Duration.seconds(2)

    private enum Event { case finished, interrupted, gaveUp }

    func run(_ text: String, report: ErrorReport) async -> StatementOutcome {
        let before = engine.statistics()
        let started = ContinuousClock.now
        let progress = showsProgress ? ProgressLine(
            statistics: { [engine] in engine.statistics() }, serverPause: { [engine] in engine.serverPauseRemaining() }) : nil
        progress?.start()
        let destination: OutputSettings.Destination
        do {
            destination = try output.takeDestination()
        } catch {
            progress?.stop()
            StandardError.line("error: \(error)")
            return .failed(.usageError)
        }
        let written = WrittenRows()
        let (events, announce) = AsyncStream<Event>.makeStream()
        let work = Task { @MainActor in
            defer { announce.yield(.finished) }
            // Parsed in place, so every error location is already the script's own.
            let statement = try Parser.parseStatement(text, startingAt: report.statementStart)
            let sheetName = SheetNaming.proposedName(for: statement, script: report.script, start: report.statementStart)
            try await stream(statement, to: destination, sheetName: sheetName, progress: progress, written: written)
        }
        let watcher = Task { @MainActor in
            while !Task.isCancelled {
                if InterruptSignal.consume() {
                    announce.yield(.interrupted)
                    return
                }
                try? await Task.sleep(for: StatementRunner.interruptPoll)
            }
        }
        var next = events.makeAsyncIterator()
        let first = await next.next()
        watcher.cancel()
        if first == .interrupted {
            work.cancel()
            // An engine that is slow to notice cancellation must not hold the prompt hostage.
            let grace = Task { try? await Task.sleep(for: StatementRunner.cancellationGrace); announce.yield(.gaveUp) }
            _ = await next.next()
            grace.cancel()
            return interrupted(progress, written)
        }
        let result = await work.result
        if case .failure(let error) = result, OutputFailure.stopped(error) {
            // Ctrl-C while a sink was writing: a streaming format says so as when cancelled; a
            // table, written at once at the end, was cut short mid-table.
            _ = InterruptSignal.consume()
            written.cutShort = !written.streams
            return interrupted(progress, written)
        }
        progress?.stop()
        output.flush()
        if case .failure(let error) = result {
            closeOnceWorkbook()
            if OutputFailure.readerClosed(error) { return .outputClosed }
            if written.isIncomplete { StandardError.line(Self.incompleteMessage(written)) }
            let (message, status) = report.describe(error)
            StandardError.line(message)
            return .failed(status)
        }
        guard closeOnceWorkbook() else { return .failed(.queryError) }
        reportCosts(since: before, started: started)
        return .succeeded
    }

    /// Rows a streaming format has already written, so a statement stopped midway says its
    /// output is incomplete (table and bar write only in `finish`, so never; a workbook is not
    /// written at all when a sheet is left unfinished).
    private final class WrittenRows {
        var count = 0
        var begun = false
        var streams = false
        /// A table (written only at the end) was stopped partway through.
        var cutShort = false
        var isIncomplete: Bool { begun && streams }
    }

    private static func incompleteMessage(_ written: WrittenRows) -> String {
        "error: the output is incomplete: the statement stopped after \(written.count) rows"
    }

    /// Ends an interrupted statement: progress off, what was written flushed, and why it stopped.
    private func interrupted(_ progress: ProgressLine?, _ written: WrittenRows) -> StatementOutcome {
        progress?.stop()
        output.flush()
        StandardError.line(interruptionMessage(written))
        closeOnceWorkbook()
        return .interrupted
    }

    /// Ctrl-C, or SIGTERM/SIGHUP in batch mode, named so a log says what stopped the run.
    private func interruptionMessage(_ written: WrittenRows) -> String {
        let cause = InterruptSignal.terminatingSignalName.map { "interrupted by \($0)" } ?? "interrupted"
        if written.cutShort {
            return "\(cause): the output is incomplete: the table of \(written.count) rows was stopped while being written"
        }
        let incomplete = written.isIncomplete ? "; the output is incomplete after \(written.count) rows" : ""
        return "\(cause): the statement was cancelled\(incomplete)"
    }

    /// Writes the result as it arrives. The header waits for the first rows (or the end), so a
    /// statement that fails before answering prints nothing.
    private func stream(
        _ statement: Statement, to destination: OutputSettings.Destination, sheetName: String?, progress: ProgressLine?,
        written: WrittenRows
    ) async throws {
        let result = try await engine.execute(statement)
        if let notice = result.notice { StandardError.line("note: " + notice) }
        var options = destination.options
        options.timeZone = engine.timeZone
        let writer: any ResultWriter
        if case .stream(let sink) = destination.target, ExplainLines.wanted(for: statement, format: options.format) {
            writer = ExplainLines(sink: sink)
        } else {
            writer = destination.target.writer(options, sheetName: sheetName)
        }
        written.streams = !options.format.writesOnlyAtEnd && options.format != .xlsx
        do {
            for try await batch in result.batches {
                try Task.checkCancellation()
                if written.streams { progress?.erase() }  // table mode prints only at the end
                if !written.begun {
                    try writer.begin(columns: result.columns)
                    written.begun = true
                }
                try writer.write(batch: batch)
                written.count += batch.count
            }
            try Task.checkCancellation()
        } catch {
            try? destination.target.flush()  // what was written before the failure
            throw error
        }
        progress?.erase()
        if !written.begun { try writer.begin(columns: result.columns) }
        try writer.finish()
        try destination.target.flush()
    }

    /// Writes a `.once` workbook; false (after saying why) when it could not be written.
    @discardableResult
    private func closeOnceWorkbook() -> Bool {
        do {
            try output.closeOnceWorkbook()
            return true
        } catch {
            StandardError.line("error: \(error)")
            return false
        }
    }

    private func reportCosts(since before: EngineStatistics, started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let seconds = elapsed / .seconds(1)
        if reportsTime {
            StandardError.line(String(format: "Run Time: %.3f s", seconds))
        }
        if reportsStatistics {
            let delta = engine.statistics().since(before)
            StandardError.line(
                "Stats: \(delta.requests) requests, \(delta.rows) rows fetched, \(delta.bytes) bytes, "
                    + String(format: "%.3f s", seconds)
                    + (delta.cacheHits > 0 ? ", \(delta.cacheHits) cache hits" : "")
                    + (delta.coercionFailures > 0 ? ", \(delta.coercionFailures) unreadable values (NULL)" : "")
                    + (delta.ignoredCustomValues > 0
                        ? ", \(delta.ignoredCustomValues) custom-field values under unknown labels ignored" : "")
                    + (delta.retries > 0 ? ", \(delta.retries) retries" : ""))
        }
    }
}
