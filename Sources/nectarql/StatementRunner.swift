import Foundation
import NectarQL

/// How one statement ended.
enum StatementOutcome: Equatable {
    case succeeded
    case failed(ExitStatus)
    /// Ctrl-C cancelled it.
    case interrupted
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
        let progress = showsProgress ? ProgressLine(statistics: { [engine] in engine.statistics() }) : nil
        progress?.start()
        // Asked before the destination is taken: taking it consumes a pending `.once` file.
        let toTerminal = output.writesToTerminal
        let destination: ResultDestination
        do {
            destination = try output.takeDestination()
        } catch {
            progress?.stop()
            StandardError.line("error: \(error)")
            return .failed(.usageError)
        }
        let (events, announce) = AsyncStream<Event>.makeStream()
        let work = Task { @MainActor in
            defer { announce.yield(.finished) }
            // Parsed in place, so every error location is already the script's own.
            let statement = try Parser.parseStatement(text, startingAt: report.statementStart)
            let sheetName = SheetNaming.proposedName(for: statement, script: report.script, start: report.statementStart)
            do {
                try await stream(statement, to: destination.writer, sheetName: sheetName, toTerminal: toTerminal, progress: progress)
            } catch {
                try? destination.flush()  // what was written before the failure
                throw error
            }
            try destination.flush()
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
            progress?.stop()
            output.flush()
            StandardError.line("interrupted: the statement was cancelled")
            closeOnceWorkbook()
            return .interrupted
        }
        let result = await work.result
        progress?.stop()
        output.flush()
        if case .failure(let error) = result {
            let (message, status) = report.describe(error)
            StandardError.line(message)
            closeOnceWorkbook()
            return .failed(status)
        }
        guard closeOnceWorkbook() else { return .failed(.queryError) }
        reportCosts(since: before, started: started)
        return .succeeded
    }

    /// Writes the result as it arrives. The header waits for the first rows (or the end), so a
    /// statement that fails before answering prints nothing; a failure after rows were written
    /// is announced as an incomplete result (table and bar write only in `finish`, so never).
    private func stream(
        _ statement: Statement, to makeWriter: (OutputOptions, String?) -> any ResultWriter, sheetName: String?,
        toTerminal: Bool, progress: ProgressLine?
    ) async throws {
        let result = try await engine.execute(statement)
        var options = output.options
        options.terminalWidth = toTerminal ? Terminal.outputWidth : nil
        let writer = makeWriter(options, sheetName)
        var begun = false
        var rowsWritten = 0
        do {
            for try await batch in result.batches {
                try Task.checkCancellation()
                if !options.format.writesOnlyAtEnd { progress?.erase() }
                if !begun {
                    try writer.begin(columns: result.columns)
                    begun = true
                }
                try writer.write(batch: batch)
                rowsWritten += batch.count
            }
            try Task.checkCancellation()
        } catch {
            if begun, !options.format.writesOnlyAtEnd, !(error is CancellationError) {
                StandardError.line("error: the output is incomplete: the statement failed after \(rowsWritten) rows")
            }
            throw error
        }
        progress?.erase()
        if !begun { try writer.begin(columns: result.columns) }
        try writer.finish()
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
                    + (delta.retries > 0 ? ", \(delta.retries) retries" : ""))
        }
    }
}
