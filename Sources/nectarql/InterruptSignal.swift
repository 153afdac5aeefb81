#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C, counted by a minimal signal handler and read by whoever is waiting:
/// the prompt (clears the line), a running statement (cancels it), a batch run (exits 130).
///
/// The handler only bumps an atomic counter, the one thing that is safe inside a signal handler.
/// It is installed without `SA_RESTART`, so the prompt's `poll` returns at once and the line
/// editor sees the counter without waiting for a key.
enum InterruptSignal {
    private static let count = Atomic<Int>(0)

    static func install() {
        SignalHandler.install({ _ in InterruptSignal.count.add(1, ordering: .relaxed) }, for: [SIGINT])
    }

    /// Whether Ctrl-C was pressed since the last call; reading it consumes it.
    static func consume() -> Bool {
        count.exchange(0, ordering: .relaxed) > 0
    }

    static var isPending: Bool {
        count.load(ordering: .relaxed) > 0
    }
}
