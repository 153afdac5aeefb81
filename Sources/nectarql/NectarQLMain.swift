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
        let arguments: ShellArguments
        do {
            arguments = try ShellArguments.parse()
        } catch {
            failUsage(error)
        }
        InterruptSignal.install()
        // A closed pipe is then an EPIPE the shell handles (stops quietly) rather than a kill.
        signal(SIGPIPE, SIG_IGN)
        let status = await Shell(arguments: arguments, environment: ProcessInfo.processInfo.environment).run()
        Foundation.exit(status.rawValue)
    }

    /// `--help` prints to stdout and succeeds; anything else is a usage error on stderr.
    private static func failUsage(_ error: any Error) -> Never {
        let message = ShellArguments.fullMessage(for: error)
        if ShellArguments.exitCode(for: error) == .success {
            print(message)
            Foundation.exit(ExitStatus.success.rawValue)
        }
        StandardError.line(message)
        Foundation.exit(ExitStatus.usageError.rawValue)
    }
}
