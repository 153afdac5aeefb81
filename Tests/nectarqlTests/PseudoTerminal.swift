import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The shell running on a pseudo-terminal, as a person would use it: the test types keys and
/// waits (with a deadline) for text to appear. The child is killed when the session is closed.
final class PseudoTerminal {
    private let master: Int32
    let pid: pid_t
    /// Everything the shell has written so far (prompts, echo, results, stderr).
    private(set) var transcript = ""
    private var exited: Int32?
    /// The signal that ended the shell, when one did.
    private(set) var terminatingSignal: Int32?
    private var isClosed = false

    enum Failure: Error, CustomStringConvertible {
        case spawn(String)
        case timeout(waitingFor: String, transcript: String)

        var description: String {
            switch self {
            case .spawn(let reason): "could not start the shell on a pseudo-terminal: \(reason)"
            case .timeout(let text, let transcript): "timed out waiting for \(text.debugDescription); the terminal showed:\n\(transcript)"
            }
        }
    }

    init(arguments: [String], environment: [String: String]) throws {
        // Everything the child needs is prepared before fork: after fork only async-signal-safe calls.
        let argv = ([ShellBinary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var size = winsize(ws_row: 40, ws_col: 160, ws_xpixel: 0, ws_ypixel: 0)
        var descriptor: Int32 = -1
        var none = sigset_t()
        sigemptyset(&none)
        let child = forkpty(&descriptor, nil, nil, &size)
        if child < 0 { throw Failure.spawn(String(cString: strerror(errno))) }
        if child == 0 {
            // As from a terminal: nothing blocked, SIGPIPE back to its default (the tests ignore it).
            sigprocmask(SIG_SETMASK, &none, nil)
            Glibc.signal(SIGPIPE, SIG_DFL)
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        master = descriptor
        pid = child
    }

    deinit {
        close()
    }

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Waits until `text` appears after `position` in the transcript; answers where it ends.
    @discardableResult
    func expect(_ text: String, after position: String.Index? = nil, timeout: TimeInterval = 30) async throws -> String.Index {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            // Everything that has arrived is read before the deadline is looked at: a task that
            // resumes late on a busy test process must still find text that came in time.
            while readSome() {}
            let start = position ?? transcript.startIndex
            if let range = transcript[start...].range(of: text) { return range.upperBound }
            if exited != nil || deadline.timeIntervalSinceNow <= 0 {
                throw Failure.timeout(waitingFor: text, transcript: transcript)
            }
            try await ProcessRunner.pause()
        }
    }

    /// The end of the transcript so far, to look for what comes after it.
    var mark: String.Index { transcript.endIndex }

    /// Waits for the shell to exit (after Ctrl-D or `.quit`); nil if it is still running at the deadline.
    func waitForExit(timeout: TimeInterval = 20) async throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            while readSome() {}
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exited = (status >> 8) & 0xff
                if status & 0x7f != 0 { terminatingSignal = status & 0x7f }
                return exited
            }
            if Date() >= deadline { return nil }
            try await ProcessRunner.pause()
        }
    }

    /// Whether the terminal echoes typed keys: off while readline owns it at the prompt.
    var terminalEchoes: Bool {
        var modes = termios()
        tcgetattr(master, &modes)
        return modes.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Reads whatever is available now, without waiting; false when nothing came (or the
    /// terminal closed). Callers wait between reads as tasks, never blocking their thread.
    private func readSome() -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else {
            exited = exited ?? -1
            return false
        }
        transcript += String(decoding: buffer[0..<count], as: UTF8.self)
        return true
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        if exited == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == 0 {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
            }
            exited = -1
        }
        if master >= 0 { Glibc.close(master) }
    }
}
