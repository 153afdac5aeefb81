import Foundation

/// A child process started with `posix_spawn`, its standard output and error gathered by threads
/// of its own, for the tests that run the shell's binary.
///
/// Not Foundation's `Process`: on Linux its `run()` crashed the test process (a segfault in
/// `findMaximumOpenFromProcSelfFD`, where it lists the descriptors to close in the child) while
/// hundreds of tests opened and closed sockets around it, even with every launch serialized.
/// Here the pipes are close-on-exec and the child closes every other descriptor itself
/// (`addclosefrom_np`), so nothing needs listing.
final class ChildProcess: @unchecked Sendable {
    enum Stream { case pipe, null }

    let pid: pid_t
    private let lock = NSLock()
    private var inputFD: Int32?
    private var output = Data(), errors = Data()
    private var waitStatus: Int32?
    private var triggers: [(text: String, action: @Sendable () -> Void)] = []
    private var openReaders = 0

    /// Starts `executable`; with `.pipe`, stdin takes `write`s and stdout and stderr are gathered.
    init(_ executable: String, arguments: [String], environment: [String: String], input: Stream = .pipe, outputs: Stream = .pipe)
        throws
    {
        _ = Self.ignoreBrokenPipes
        var childEnds: [Int32] = []
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var readEnds: [(fd: Int32, isOutput: Bool)] = []
        defer { childEnds.forEach { close($0) } }

        switch input {
        case .pipe:
            let (read, write) = try Self.pipe()
            childEnds.append(read)
            inputFD = write
            posix_spawn_file_actions_adddup2(&actions, read, 0)
        case .null:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        for (target, isOutput) in [(Int32(1), true), (Int32(2), false)] {
            switch outputs {
            case .pipe:
                let (read, write) = try Self.pipe()
                childEnds.append(write)
                readEnds.append((read, isOutput))
                posix_spawn_file_actions_adddup2(&actions, write, target)
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            }
        }
        _ = Self.addCloseFrom(&actions, 3)

        // The child starts with default dispositions and nothing blocked, as from a terminal:
        // the shell's own SIGPIPE, SIGINT and SIGTERM behaviour is under test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let failure = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard failure == 0 else {
            readEnds.forEach { close($0.fd) }
            if let inputFD { close(inputFD) }
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
        pid = child
        for (fd, isOutput) in readEnds { gather(fd, isOutput: isOutput) }
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        if let inputFD { close(inputFD) }
    }

    // MARK: Input

    /// Writes all of `data` to the child's stdin (nothing once it has been closed or the child has gone).
    func send(_ data: Data) {
        lock.lock()
        let fd = inputFD
        lock.unlock()
        guard let fd else { return }
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    func send(_ text: String) { send(Data(text.utf8)) }

    func closeInput() {
        lock.lock()
        let fd = inputFD
        inputFD = nil
        lock.unlock()
        if let fd { close(fd) }
    }

    // MARK: Output

    var stdoutData: Data { lock.lock(); defer { lock.unlock() }; return output }
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: errors, as: UTF8.self) }

    /// Runs `action` on the reading thread the moment stdout contains `text`: on time however busy
    /// the test process's cooperative threads are (a task polling for it may resume late).
    func onStdout(containing text: String, _ action: @escaping @Sendable () -> Void) {
        lock.lock()
        triggers.append((text, action))
        let fired = takeTriggersMet()
        lock.unlock()
        fired.forEach { $0() }
    }

    /// Waits (at most `seconds`) until both output pipes have reached their end, sleeping as a
    /// task: a blocked cooperative thread would hold up every other test.
    @discardableResult
    func outputsEnded(seconds: Double = 10) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while readersRunning > 0, Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
        return readersRunning == 0
    }

    private var readersRunning: Int { lock.lock(); defer { lock.unlock() }; return openReaders }

    private func gather(_ fd: Int32, isOutput: Bool) {
        lock.lock()
        openReaders += 1
        lock.unlock()
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                lock.lock()
                if isOutput { output.append(contentsOf: buffer[0..<count]) } else { errors.append(contentsOf: buffer[0..<count]) }
                let fired = isOutput ? takeTriggersMet() : []
                lock.unlock()
                fired.forEach { $0() }
            }
            close(fd)
            lock.lock()
            openReaders -= 1
            lock.unlock()
        }
        thread.start()
    }

    /// The actions whose text has arrived, removed from the waiting ones; call with the lock held.
    private func takeTriggersMet() -> [@Sendable () -> Void] {
        guard !triggers.isEmpty else { return [] }
        let text = String(decoding: output, as: UTF8.self)
        let met = triggers.filter { text.contains($0.text) }
        triggers.removeAll { text.contains($0.text) }
        return met.map(\.action)
    }

    // MARK: Lifetime

    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        guard waitStatus == nil else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { waitStatus = status }
        return waitStatus == nil
    }

    /// Sends `signal` unless the child has already ended.
    func deliver(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits (at most `seconds`) for the child to end, sleeping as a task between looks; a child
    /// still running then is killed, so that a hung shell fails its test instead of the suite.
    @discardableResult
    func waitForExit(seconds: Double = 60) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        guard isRunning else { return true }
        kill(pid, SIGKILL)
        while isRunning { try await Task.sleep(for: .milliseconds(5)) }
        return false
    }

    /// The exit code, or the signal's number when a signal ended it (as `Process` reports them).
    var terminationStatus: Int32 {
        guard let status = endedStatus else { return -1 }
        return Self.exited(status) ? (status >> 8) & 0xff : status & 0x7f
    }

    /// Whether a signal, rather than `exit`, ended the child.
    var endedBySignal: Bool {
        guard let status = endedStatus else { return false }
        return !Self.exited(status)
    }

    private var endedStatus: Int32? {
        _ = isRunning
        lock.lock()
        defer { lock.unlock() }
        return waitStatus
    }

    private static func exited(_ status: Int32) -> Bool { status & 0x7f == 0 }

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Self.pipe2(&fds, O_CLOEXEC) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return (fds[0], fds[1])
    }

    // glibc's GNU extensions, which Swift's Glibc module does not declare.
    private static let addCloseFrom = libc("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)
    private static let pipe2 = libc("pipe2", as: Pipe2.self)
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    private static func libc<Function>(_ name: String, as type: Function.Type) -> Function {
        guard let symbol = dlsym(nil, name) else { fatalError("glibc without \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    /// A write to a child that has gone fails with EPIPE instead of killing the test process.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()
}
