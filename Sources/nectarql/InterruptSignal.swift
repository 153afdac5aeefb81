#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C, counted by a minimal signal handler and read by whoever is waiting:
/// the prompt (clears the line), a running statement (cancels it), a batch run (exits 130).
/// In batch mode SIGTERM and SIGHUP (cron's `timeout`, a closed ssh session) stop the run the
/// same way, so the output is flushed and declared incomplete; the process then ends by that signal.
///
/// The handler only stores into atomics, the one thing that is safe inside a signal handler.
/// It is installed without `SA_RESTART`, so the prompt's `poll` returns at once and the line
/// editor sees the counter without waiting for a key.
enum InterruptSignal {
    private static let count = Atomic<Int>(0)
    /// The last signal that arrived, to tell a termination from Ctrl-C.
    private static let lastSignal = Atomic<Int32>(0)
    private static let terminations = [SIGTERM, SIGHUP]

    static func install() {
        install(for: [SIGINT])
    }

    /// For batch runs only: at the prompt `TerminationSignal` handles these.
    static func installForTermination() {
        install(for: terminations)
    }

    private static func install(for signals: [Int32]) {
        SignalHandler.install({ signal in
            InterruptSignal.lastSignal.store(signal, ordering: .relaxed)
            InterruptSignal.count.add(1, ordering: .relaxed)
        }, for: signals)
    }

    /// Whether Ctrl-C was pressed since the last call; reading it consumes it.
    static func consume() -> Bool {
        count.exchange(0, ordering: .relaxed) > 0
    }

    static var isPending: Bool {
        count.load(ordering: .relaxed) > 0
    }

    /// SIGTERM or SIGHUP, if one stopped the run.
    static var terminatingSignal: Int32? {
        let number = lastSignal.load(ordering: .relaxed)
        return terminations.contains(number) ? number : nil
    }

    static var terminatingSignalName: String? {
        terminatingSignal.map { $0 == SIGHUP ? "SIGHUP" : "SIGTERM" }
    }
}
