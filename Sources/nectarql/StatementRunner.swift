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
        // Asked before the sink is taken: taking it consumes a pending `.once` file.
        let toTerminal = output.writesToTerminal
        let sink = output.takeSink()
        let (events, announce) = AsyncStream<Event>.makeStream()
        let work = Task { @MainActor in
            defer { announce.yield(.finished) }
            // Parsed in place, so every error location is already the script's own.
            let statement = try Parser.parseStatement(text, startingAt: report.statementStart)
            try await stream(statement, to: sink, toTerminal: toTerminal, progress: progress)
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
            return .interrupted
        }
        let result = await work.result
        progress?.stop()
        output.flush()
        if case .failure(let error) = result {
            let (message, status) = report.describe(error)
            StandardError.line(message)
            return .failed(status)
        }
        reportCosts(since: before, started: started)
        return .succeeded
    }

    /// Writes the result as it arrives. The header waits for the first rows (or the end), so a
    /// statement that fails before answering prints nothing; a failure after rows were written
    /// is announced as an incomplete result (table mode writes only in `finish`, so never).
    private func stream(_ statement: Statement, to sink: OutputSink, toTerminal: Bool, progress: ProgressLine?) async throws {
        let result = try await engine.execute(statement)
        if let notice = result.notice { StandardError.line("note: " + notice) }
        var options = output.options
        options.terminalWidth = toTerminal ? Terminal.outputWidth : nil
        let writer = Writers.make(options, sink: sink)
        var begun = false
        var rowsWritten = 0
        do {
            for try await batch in result.batches {
                try Task.checkCancellation()
                if options.format != .table { progress?.erase() }  // table mode prints only at the end
                if !begun {
                    try writer.begin(columns: result.columns)
                    begun = true
                }
                try writer.write(batch: batch)
                rowsWritten += batch.count
            }
            try Task.checkCancellation()
        } catch {
            try? sink.flush()
            if begun, options.format != .table, !(error is CancellationError) {
                StandardError.line("error: the output is incomplete: the statement failed after \(rowsWritten) rows")
            }
            throw error
        }
        progress?.erase()
        if !begun { try writer.begin(columns: result.columns) }
        try writer.finish()
        try sink.flush()
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
