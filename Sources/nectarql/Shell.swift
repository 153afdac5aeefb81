import Foundation
import NectarQL
import NectarSemantics
import NectarSnapshot

/// Puts the pieces together: token or demo server, engine, output settings, then either a
/// batch run (`-c`, `-f`, piped stdin) or the interactive prompt.
@MainActor
struct Shell {
    let arguments: ShellArguments
    let environment: [String: String]

    static let apiURLVariable = "NECTAR_API_URL"

    func run() async -> ExitStatus {
        await ShellExit.status(of: runOrExit)
    }

    private func runOrExit() async throws -> ExitStatus {
        let script = try batchScript()
        let output = try outputSettings()
        var demo: DemoMode?
        if arguments.demo { demo = try await startDemo() }
        let token = try demo?.token ?? resolveToken()
        StandardError.redact(token)
        if let password = arguments.snapshot.flatMap(SnapshotLocationRedaction.password(in:)) { StandardError.redactAlso(password) }
        let engine: Engine
        do {
            engine = try Engine(configuration: engineConfiguration(token: token, apiURL: demo?.baseURL))
            // By the name typed, so `.tz` shows it back (Foundation may call UTC GMT).
            _ = engine.setTimeZone(named: arguments.tz)
        } catch {
            StandardError.line("error: cannot start the engine: \(error)")
            await demo?.stop()
            throw ShellExit(status: .usageError)
        }
        if let failure = await useSnapshot(engine) {
            await engine.shutdown()
            await demo?.stop()
            throw ShellExit(status: failure)
        }
        let session = Session(
            engine: engine, output: output, quiet: arguments.quiet, continueOnError: arguments.continueOnError)
        var status: ExitStatus
        if script != nil || !Terminal.inputIsTerminal { InterruptSignal.installForTermination() }
        if let script {
            status = await session.runScript(script.text, origin: script.origin)
        } else if !Terminal.inputIsTerminal {
            let lines = StandardInputLines()
            status = await session.runScript(reading: lines.next, origin: "stdin")
        } else {
            if !arguments.quiet { printBanner(demo: demo != nil) }
            let history = HistoryFile(path: HistoryFile.defaultPath(environment: environment), secret: token)
            await REPL(session: session, history: history).run()
            status = .success
        }
        for failure in session.output.close() {
            StandardError.line("error: \(failure)")
            if status == .success { status = .queryError }
        }
        await engine.shutdown()
        await demo?.stop()
        if let signal = InterruptSignal.terminatingSignal { TerminationSignal.die(of: signal) }
        return status
    }

    /// The token; a snapshot query sends no request, so without `--max-age` it needs none (the
    /// engine then refuses, saying why, whatever would reach the API).
    private func resolveToken() throws -> String {
        if arguments.snapshot != nil, arguments.maxAge == nil, arguments.tokenFile == nil,
            (environment[TokenSource.environmentVariable] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            return ""
        }
        return try TokenSource.resolve(tokenFile: arguments.tokenFile, environment: environment)
    }

    /// `--snapshot PATH|URL` and `--max-age`; the exit status after explaining why the snapshot
    /// cannot be read (3 when its database server cannot be reached), which stops the shell
    /// before any statement.
    private func useSnapshot(_ engine: Engine) async -> ExitStatus? {
        guard let path = arguments.snapshot else { return nil }
        do {
            try await engine.useSnapshot(path: path)
        } catch {
            StandardError.line("error: \(error)")
            return error is SnapshotServerError ? .apiError : .usageError
        }
        engine.setSnapshotMaxAge(arguments.maxAge.flatMap(DurationText.parse))
        return nil
    }

    /// The statements of `-c` or `-f`, and the name errors are reported under; piped stdin is
    /// read as it arrives instead.
    private func batchScript() throws -> (text: String, origin: String)? {
        if let command = arguments.command { return (command, "-c") }
        if let path = arguments.file {
            do {
                return (try ScriptFile.read(path == "-" ? "/dev/stdin" : path), path == "-" ? "stdin" : path)
            } catch {
                StandardError.line("error: \(error)")
                throw ShellExit(status: .usageError)
            }
        }
        return nil
    }

    private func startDemo() async throws -> DemoMode {
        do {
            return try await DemoMode.start(latencyMilliseconds: arguments.demoLatencyMilliseconds)
        } catch {
            StandardError.line("error: cannot start the demo API on 127.0.0.1: \(error)")
            throw ShellExit(status: .apiError)
        }
    }

    private func engineConfiguration(token: String, apiURL demoURL: String?) -> EngineConfiguration {
        let url = demoURL ?? arguments.apiURL ?? environment[Self.apiURLVariable] ?? EngineConfiguration.defaultAPIURL
        var configuration = EngineConfiguration(apiURL: url, token: token, timeZone: sessionTimeZone)
        if let concurrency = arguments.concurrency { configuration.concurrency = concurrency }
        if let pageSize = arguments.pageSize { configuration.pageSize = pageSize }
        configuration.listingSizesFile = ListingSizesLocation.path(
            besideHistoryFile: HistoryFile.defaultPath(environment: environment), demo: demoURL != nil)
        configuration.maxRequestsPerSecond = arguments.maxRequestsPerSecond
        if arguments.noCache {
            configuration.cacheTTL = nil
        } else if let seconds = arguments.cacheTTL {
            configuration.cacheTTL = .seconds(seconds)
        }
        return configuration
    }

    private var sessionTimeZone: TimeZone {
        TimeZoneNames.zone(named: arguments.tz) ?? EngineConfiguration.defaultTimeZone
    }

    /// Table for a person at a terminal, CSV for a pipe or a file, unless asked otherwise; `-o`'s
    /// file name chooses by its extension, as `.output` does.
    private func outputOptions() -> OutputOptions {
        let format = arguments.requestedFormat
            ?? arguments.output.map { OutputFormat(fileName: $0) ?? .csv }
            ?? (Terminal.outputIsTerminal ? .table : .csv)
        var options = OutputOptions(format: format, timeZone: sessionTimeZone)
        options.headers = !arguments.noHeader
        options.excel = arguments.excel
        options.ascii = arguments.ascii || !LocaleCharset.isUTF8(environment: environment)
        return options
    }

    /// The output options and `-o`'s file; xlsx bound for a terminal is refused before anything runs.
    private func outputSettings() throws -> OutputSettings {
        let settings = OutputSettings(options: outputOptions(), formatIsExplicit: arguments.requestedFormat != nil)
        do {
            if let path = arguments.output {
                try settings.redirect(to: path)
            } else if settings.options.format == .xlsx && Terminal.outputIsTerminal {
                throw OutputRefusal.xlsxToTerminal
            }
        } catch {
            StandardError.line("error: \(error)")
            throw ShellExit(status: .usageError)
        }
        return settings
    }

    private func printBanner(demo: Bool) {
        if demo { StandardError.line(DemoMode.banner) }
        StandardError.line("Enter SQL statements ending with ';', or .help for commands. Ctrl-D quits.")
    }
}
