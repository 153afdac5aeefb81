import ArgumentParser
import Foundation

/// Entry point: parse the command line (usage errors exit 2, not ArgumentParser's 64),
/// run the shell, exit with its status.
@main
enum NectarQLMain {
    @MainActor
    static func main() async {
        if let position = RawArguments.firstNotUTF8() {
            StandardError.line(RawArguments.notUTF8Message(position: position))
            Foundation.exit(ExitStatus.usageError.rawValue)
        }
        if CommandLine.arguments.dropFirst().first == "sync" { await sync(Array(CommandLine.arguments.dropFirst(2))) }
        let arguments: ShellArguments
        do {
            arguments = try ShellArguments.parse()
        } catch {
            failUsage(error, of: ShellArguments.self)
        }
        InterruptSignal.install()
        // A closed pipe is then an EPIPE the shell handles (stops quietly) rather than a kill.
        signal(SIGPIPE, SIG_IGN)
        let status = await Shell(arguments: arguments, environment: ProcessInfo.processInfo.environment).run()
        Foundation.exit(status.rawValue)
    }

    /// `nectarql sync …`: a subcommand with its own options; `nectarql` alone stays the shell.
    private static func sync(_ words: [String]) async -> Never {
        let arguments: SyncArguments
        do {
            arguments = try SyncArguments.parse(words)
        } catch {
            failUsage(error, of: SyncArguments.self)
        }
        InterruptSignal.install()
        let status = await SyncCommand(arguments: arguments, environment: ProcessInfo.processInfo.environment).run()
        Foundation.exit(status.rawValue)
    }

    /// `--help` prints to stdout and succeeds; anything else is a usage error on stderr.
    private static func failUsage<Command: ParsableCommand>(_ error: any Error, of command: Command.Type) -> Never {
        let message = command.fullMessage(for: error)
        if command.exitCode(for: error) == .success {
            print(message)
            Foundation.exit(ExitStatus.success.rawValue)
        }
        StandardError.line(message)
        Foundation.exit(ExitStatus.usageError.rawValue)
    }
}
