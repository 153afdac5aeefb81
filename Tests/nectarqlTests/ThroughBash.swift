import Foundation

/// Runs a bash command line with the shell's binary as `$0`, for what a `Process` cannot set up
/// directly: pipelines, process substitution, arguments that are not UTF-8.
enum ThroughBash {
    static func run(_ commandLine: String, timeout: TimeInterval = 60) async throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", commandLine, ShellBinary.path]
        process.environment = ProcessRunner.cleanEnvironment()
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        // Small outputs only: read after the exit, with the pipes' buffers holding them meanwhile.
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try await ProcessRunner.pause() }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return RunResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
