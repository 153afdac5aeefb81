import Foundation
import Testing

/// Piped standard input runs each statement as soon as it has arrived, as sqlite3 and psql do,
/// so a program can feed the shell statement by statement and read each answer.
@Suite struct StreamingInputTests {
    /// The shell on pipes, with its stdout gathered as it comes.
    final class PipedShell: @unchecked Sendable {
        let process = Process()
        private let input = Pipe(), output = Pipe(), errors = Pipe()
        private let lock = NSLock()
        private var received = Data()
        private var receivedErrors = Data()
        private var triggers: [(text: String, action: @Sendable () -> Void)] = []

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: ShellBinary.path)
            process.arguments = arguments
            process.environment = ProcessRunner.cleanEnvironment()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            gather(output, isOutput: true)
            gather(errors, isOutput: false)
            try ProcessLaunch.run(process)
        }

        private func gather(_ pipe: Pipe, isOutput: Bool) {
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.lock()
                if isOutput { self.received.append(data) } else { self.receivedErrors.append(data) }
                let fired = isOutput ? self.takeTriggersMet() : []
                self.lock.unlock()
                for action in fired { action() }
            }
        }

        /// Runs `action` on the reading thread the moment stdout contains `text`: on time however
        /// busy the test process's cooperative threads are (a task polling for it may resume late).
        func onStdout(containing text: String, _ action: @escaping @Sendable () -> Void) {
            lock.lock()
            triggers.append((text, action))
            let fired = takeTriggersMet()
            lock.unlock()
            for action in fired { action() }
        }

        /// The actions whose text has arrived, removed from the waiting ones; call with the lock held.
        private func takeTriggersMet() -> [@Sendable () -> Void] {
            guard !triggers.isEmpty else { return [] }
            let text = String(decoding: received, as: UTF8.self)
            let met = triggers.filter { text.contains($0.text) }
            triggers.removeAll { text.contains($0.text) }
            return met.map(\.action)
        }

        deinit {
            output.fileHandleForReading.readabilityHandler = nil
            errors.fileHandleForReading.readabilityHandler = nil
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }

        var stdout: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: received, as: UTF8.self)
        }

        var stderr: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: receivedErrors, as: UTF8.self)
        }

        func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }
        func closeInput() { try? input.fileHandleForWriting.close() }

        /// Waits (at most `seconds`) until stdout contains `text`.
        func waitFor(_ text: String, seconds: Double = 30) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if stdout.contains(text) { return true }
                try await ProcessRunner.pause()
            }
            return stdout.contains(text)
        }

        /// Waits (at most `seconds`) for the exit status.
        func exitStatus(seconds: Double = 30) async throws -> Int32? {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { try await ProcessRunner.pause() }
            return process.isRunning ? nil : process.terminationStatus
        }
    }

    @Test func eachStatementIsAnsweredBeforeTheInputEnds() async throws {
        let shell = try PipedShell(["--demo", "--demo-latency-ms", "0"])
        shell.send("select 1 as um;\n")
        #expect(try await shell.waitFor("um\n1\n"), "the first answer must come while stdin is still open; got \(shell.stdout)")
        shell.send("select 2 as dois\n")  // the last statement may end without ';'
        shell.closeInput()
        #expect(try await shell.exitStatus() == 0)
        #expect(shell.stdout == "um\n1\ndois\n2\n")
    }

    @Test func inputThatIsNotUTF8StopsWithAUsageErrorNamingTheLine() async throws {
        var script = Data("select 1 as um;\nselect 'Jos".utf8)
        script.append(0xE9)  // Latin-1 é
        script.append(contentsOf: Array("';\n".utf8))
        let result = try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0"], stdinData: script)
        #expect(result.status == 2)
        #expect(result.stdout == "um\n1\n", "the statement before the bad line ran")
        #expect(result.stderr.contains("line 2 of standard input is not UTF-8"), "\(result.stderr)")
    }
}
