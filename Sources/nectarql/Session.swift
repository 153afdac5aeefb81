import Foundation
import NectarQL
import NectarSyntax

/// The state one shell session carries between statements (engine, output, `.timer`, `.stats`)
/// and the running of statements and dot-commands, shared by the prompt, `-c`, `-f`, stdin and `.read`.
@MainActor
final class Session {
    let engine: Engine
    let output: OutputSettings
    let quiet: Bool
    /// Batch mode stops at the first failure unless this is set.
    let continueOnError: Bool
    var reportsTime = false
    var reportsStatistics = false
    /// Set by `.quit` / `.exit`.
    var wantsToQuit = false
    /// Scripts being run by `.read` inside one another.
    var readDepth = 0
    /// Deeper than any real use; a script that reads itself stops here with an error.
    static let maximumReadDepth = 16

    init(engine: Engine, output: OutputSettings, quiet: Bool, continueOnError: Bool) {
        self.engine = engine
        self.output = output
        self.quiet = quiet
        self.continueOnError = continueOnError
    }

    func runStatement(_ text: String, report: ErrorReport) async -> StatementOutcome {
        let runner = StatementRunner(
            engine: engine, output: output, showsProgress: ProgressLine.isWanted(quiet: quiet),
            reportsTime: reportsTime, reportsStatistics: reportsStatistics)
        return await runner.run(text, report: report)
    }

    /// Runs a dot-command line; `origin` and `line` place its error messages in a script.
    func runDotCommand(_ line: String, origin: String?, lineNumber: Int) async -> StatementOutcome {
        do {
            return try await DotCommands.run(line, in: self)
        } catch {
            if OutputFailure.readerClosed(error) { return .outputClosed }
            if OutputFailure.stopped(error) {
                _ = InterruptSignal.consume()
                StandardError.line("interrupted: \(error)")
                return .interrupted
            }
            let place = origin.map { "\($0):\(lineNumber): " } ?? ""
            StandardError.line("\(place)error: \(error)")
            if let error = error as? DotCommandError { return .failed(error.status) }
            return .failed(OutputFailure.isWriteFailure(error) ? .writeFailed : .queryError)
        }
    }

    /// Runs every statement and dot-command of a script in order. Stops at the first failure
    /// (unless `continueOnError`) and at Ctrl-C; answers the status the program should exit with.
    func runScript(_ script: String, origin: String) async -> ExitStatus {
        var pieces = [script]
        return await runScript(reading: { pieces.popLast() }, origin: origin)
    }

    /// The same for a script that arrives in pieces (a pipe): each statement runs as soon as its
    /// `;` (or its dot-command line) has arrived, not when the input ends; the last statement
    /// may do without its `;`. `nextPiece` answers nil at the end of the input; when it throws
    /// (unreadable input) the error is reported and the run stops with a usage error.
    func runScript(reading nextPiece: () throws -> String?, origin: String) async -> ExitStatus {
        var buffer = ScriptBuffer()
        var status = ExitStatus.success
        while true {
            let piece: String
            do {
                guard let next = try nextPiece() else { break }
                piece = next
            } catch {
                StandardError.line("\(origin): error: \(error)")
                return .usageError
            }
            let items = buffer.append(piece)
            if let stop = await run(items, script: buffer.script, origin: origin, status: &status) { return stop }
        }
        if InterruptSignal.isPending { return .interrupted }
        let last = buffer.finish()
        return await run(last, script: buffer.script, origin: origin, status: &status) ?? status
    }

    /// Runs one statement or dot-command of `script` (`origin` nil at the prompt). Once the
    /// output's reader has gone, the session ends: nothing it prints can be read.
    func run(_ item: ScriptItem, script: String, origin: String?) async -> StatementOutcome {
        let outcome: StatementOutcome
        switch item {
        case .statement(let piece):
            outcome = await runStatement(piece.text, report: ErrorReport(script: script, origin: origin, statementStart: piece.location))
        case .directive(let line, let number):
            outcome = await runDotCommand(line, origin: origin, lineNumber: number)
        }
        if outcome == .outputClosed { wantsToQuit = true }
        return outcome
    }

    /// Runs items in order, keeping the most serious failure in `status` (the higher code: a
    /// write failure over an API failure over a usage error over a failed statement, so that a
    /// cron job still sees 3 when the token was refused); answers the status to stop
    /// with (Ctrl-C, a failure without `continueOnError`, `.quit`), or nil to go on.
    private func run(_ items: [ScriptItem], script: String, origin: String, status: inout ExitStatus) async -> ExitStatus? {
        for item in items {
            if InterruptSignal.isPending { return .interrupted }
            switch await run(item, script: script, origin: origin) {
            case .succeeded: break
            case .interrupted: return .interrupted
            case .outputClosed: return status
            case .failed(let failure):
                if failure.rawValue > status.rawValue { status = failure }
                if !continueOnError { return status }
            }
            if wantsToQuit { return status }
        }
        return nil
    }
}
