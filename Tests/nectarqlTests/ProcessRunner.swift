import Foundation

/// What a finished run of the shell left behind.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
    /// Standard output as bytes, for binary output such as an xlsx workbook.
    var stdoutData = Data()
    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
}

/// Runs the shell in batch mode with pipes for stdin, stdout and stderr, killing it if it
/// outlives `timeout` (so a hung shell fails the test instead of hanging the suite).
///
/// Waiting sleeps as a task instead of blocking its thread: every test target shares one process
/// and its few cooperative threads (one per core), so a test that blocked one while its shell ran
/// held up the HTTP tests of every other suite until their requests timed out.
enum ProcessRunner {
    /// The environment a test starts from: no real token or URL leaks in from the developer's shell.
    static func cleanEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["NECTAR_API_TOKEN", "NECTAR_API_URL", "NECTARQL_HISTORY"] { environment.removeValue(forKey: key) }
        // The shell keeps files beside its history (listing sizes): never in the developer's home.
        environment["NECTARQL_HISTORY"] = scratchDirectory + "/history"
        environment.merge(extra) { $1 }
        return environment
    }

    /// A directory of this test process for the files the shell keeps between sessions, removed
    /// when the process exits.
    static let scratchDirectory: String = {
        let path = NSTemporaryDirectory() + "nectarql-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ProcessRunner.scratchDirectory) }
        return path
    }()

    static func run(
        _ arguments: [String], stdin: String = "", stdinData: Data? = nil, environment: [String: String] = cleanEnvironment(),
        timeout: TimeInterval = 60, interruptAfter: TimeInterval? = nil
    ) async throws -> RunResult {
        let shell = try ChildProcess(ShellBinary.path, arguments: arguments, environment: environment)
        shell.send(stdinData ?? Data(stdin.utf8))
        shell.closeInput()
        if let interruptAfter {
            // As Ctrl-C in a terminal would: SIGINT to the running shell, on time even when the
            // test's own threads are busy (a dispatch timer, not a task that may resume late).
            DispatchQueue.global().asyncAfter(deadline: .now() + interruptAfter) { shell.deliver(SIGINT) }
        }
        try await shell.waitForExit(seconds: timeout)
        try await shell.outputsEnded()
        return RunResult(status: shell.terminationStatus, stdout: shell.stdout, stderr: shell.stderr, stdoutData: shell.stdoutData)
    }

    /// The polling step of every wait for a child process: a task's sleep, which frees the thread.
    static func pause() async throws {
        try await Task.sleep(for: .milliseconds(20))
    }
}

extension ChildProcess {
    /// The shell on pipes, in the tests' clean environment.
    static func shell(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(ShellBinary.path, arguments: arguments, environment: ProcessRunner.cleanEnvironment())
    }

    /// Waits (at most `seconds`) until stdout contains `text`.
    func waitFor(_ text: String, seconds: Double = 30) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !stdout.contains(text), Date() < deadline { try await ProcessRunner.pause() }
        return stdout.contains(text)
    }
}
