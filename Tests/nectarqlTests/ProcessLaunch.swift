import Foundation

/// Starts child processes one at a time across the whole test process.
///
/// Foundation's `Process.run()` on Linux is not safe to call from several threads at once: two
/// launches crashed in `findMaximumOpenFromProcSelfFD` (caught by CI's watchdog, the process
/// paused for minutes while the crash was symbolicated). Launching is quick; only it is serialized.
enum ProcessLaunch {
    private static let lock = NSLock()

    static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }

    /// For launches that do not go through `Process` (a pseudo-terminal's fork).
    static func serialized<T>(_ launch: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try launch()
    }
}
