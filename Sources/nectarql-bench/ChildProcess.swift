import Foundation

/// Runs a program to its end with its output collected, killing it if it outlives `timeout`.
enum ChildProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ executable: URL, arguments: [String], timeout: TimeInterval) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while the child runs, so a full pipe cannot block it.
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            DispatchQueue.global().async(group: group) {
                collected.store(pipe.fileHandleForReading.readDataToEndOfFile(), isOutput: isOutput)
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        _ = group.wait(timeout: .now() + 10)
        return Output(status: process.terminationStatus, stdout: collected.text(isOutput: true), stderr: collected.text(isOutput: false))
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data: [Bool: Data] = [:]

        func store(_ bytes: Data, isOutput: Bool) {
            lock.lock()
            defer { lock.unlock() }
            data[isOutput] = bytes
        }

        func text(isOutput: Bool) -> String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data[isOutput] ?? Data(), as: UTF8.self)
        }
    }
}
