import Foundation
import NectarQL

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
        var demo: DemoMode?
        if arguments.demo { demo = try await startDemo() }
        let token = try demo?.token ?? TokenSource.resolve(tokenFile: arguments.tokenFile, environment: environment)
        StandardError.redact(token)
        let engine: Engine
        do {
            engine = try Engine(configuration: engineConfiguration(token: token, apiURL: demo?.baseURL))
        } catch {
            StandardError.line("error: cannot start the engine: \(error)")
            await demo?.stop()
            throw ShellExit(status: .usageError)
        }
        guard useSnapshot(engine) else {
            await engine.shutdown()
            await demo?.stop()
            throw ShellExit(status: .usageError)
        }
        let session = Session(
            engine: engine, output: OutputSettings(options: outputOptions()), quiet: arguments.quiet,
            continueOnError: arguments.continueOnError, timeZoneName: arguments.tz)
        let status: ExitStatus
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
        session.output.flush()
        await engine.shutdown()
        await demo?.stop()
        return status
    }

    /// `--snapshot PATH` and `--max-age`; false after explaining why the file cannot be read, which
    /// stops the shell before any statement.
    private func useSnapshot(_ engine: Engine) -> Bool {
        guard let path = arguments.snapshot else { return true }
        do {
            try engine.useSnapshot(path: path)
        } catch {
            StandardError.line("error: \(error)")
            return false
        }
        engine.setSnapshotMaxAge(arguments.maxAge.flatMap(DurationText.parse))
        return true
    }

    /// The statements of `-c` or `-f`, and the name errors are reported under; piped stdin is
    /// read as it arrives instead.
    private func batchScript() throws -> (text: String, origin: String)? {
        if let command = arguments.command { return (command, "-c") }
        if let path = arguments.file {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                StandardError.line("error: cannot read '\(path)'; check the path and that it is a UTF-8 text file")
                throw ShellExit(status: .usageError)
            }
            return (text, path)
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
        configuration.maxRequestsPerSecond = arguments.maxRequestsPerSecond
        if arguments.noCache {
            configuration.cacheTTL = nil
        } else if let seconds = arguments.cacheTTL {
            configuration.cacheTTL = .seconds(seconds)
        }
        return configuration
    }

    private var sessionTimeZone: TimeZone {
        TimeZone(identifier: arguments.tz) ?? EngineConfiguration.defaultTimeZone
    }

    /// Table for a person at a terminal, CSV for a pipe or a file, unless asked otherwise.
    private func outputOptions() -> OutputOptions {
        let format = arguments.requestedFormat ?? (Terminal.outputIsTerminal ? .table : .csv)
        var options = OutputOptions(format: format, timeZone: sessionTimeZone)
        options.headers = !arguments.noHeader
        options.excel = arguments.excel
        return options
    }

    private func printBanner(demo: Bool) {
        if demo { StandardError.line(DemoMode.banner) }
        StandardError.line("Enter SQL statements ending with ';', or .help for commands. Ctrl-D quits.")
    }
}
