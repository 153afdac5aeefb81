import Foundation

/// Runs a bash command line with the shell's binary as `$0`, for what a child process cannot set
/// up directly: pipelines, process substitution, arguments that are not UTF-8.
enum ThroughBash {
    static func run(_ commandLine: String, timeout: TimeInterval = 60) async throws -> RunResult {
        let bash = try ChildProcess(
            "/bin/bash", arguments: ["-c", commandLine, ShellBinary.path], environment: ProcessRunner.cleanEnvironment(), input: .null)
        try await bash.waitForExit(seconds: timeout)
        try await bash.outputsEnded()
        return RunResult(status: bash.terminationStatus, stdout: bash.stdout, stderr: bash.stderr)
    }
}
