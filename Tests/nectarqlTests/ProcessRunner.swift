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

    /// A directory of this test process for the files the shell keeps between sessions.
    static let scratchDirectory: String = {
        let path = NSTemporaryDirectory() + "nectarql-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func run(
        _ arguments: [String], stdin: String = "", stdinData: Data? = nil, environment: [String: String] = cleanEnvironment(),
        timeout: TimeInterval = 60, interruptAfter: TimeInterval? = nil
    ) async throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ShellBinary.path)
        process.arguments = arguments
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.store(data, isOutput: isOutput)
                group.leave()
            }
        }
        try ProcessLaunch.run(process)
        input.fileHandleForWriting.write(stdinData ?? Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        if let interruptAfter {
            // As Ctrl-C in a terminal would: SIGINT to the running shell, on time even when the
            // test's own threads are busy (a dispatch timer, not a task that may resume late).
            DispatchQueue.global().asyncAfter(deadline: .now() + interruptAfter) {
                if process.isRunning { process.interrupt() }
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try await pause() }
        if process.isRunning {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        _ = group.wait(timeout: .now() + 10)
        return RunResult(status: process.terminationStatus, stdout: collected.stdout, stderr: collected.stderr, stdoutData: collected.stdoutData)
    }

    /// The polling step of every wait for a child process: a task's sleep, which frees the thread.
    static func pause() async throws {
        try await Task.sleep(for: .milliseconds(20))
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data()

        func store(_ data: Data, isOutput: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isOutput { out = data } else { err = data }
        }

        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        var stdoutData: Data { lock.lock(); defer { lock.unlock() }; return out }
        var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }
    }
}
