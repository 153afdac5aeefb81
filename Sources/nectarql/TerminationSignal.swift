#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGTERM or SIGHUP while the prompt waits: readline has the terminal in raw mode then (no
/// echo, no line editing by the terminal), and dying there would leave it so. Caught only at the
/// prompt; the prompt gives the terminal back and the process then dies of the same signal.
/// While a statement runs the terminal is normal and the signals keep their default action.
enum TerminationSignal {
    private static let received = Atomic<Int32>(0)
    private static let signals = [SIGTERM, SIGHUP]

    static func catchWhilePrompting() {
        SignalHandler.install({ signal in TerminationSignal.received.store(signal, ordering: .relaxed) }, for: signals)
    }

    static func restoreDefaults() {
        for number in signals { signal(number, SIG_DFL) }
    }

    /// The signal that arrived at the prompt, if one did.
    static var pending: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Ends the process by `number`, as if it had never been caught. The signal is sent to the
    /// process rather than raised on this thread, which may block it; the exit is a fallback.
    static func die(of number: Int32) -> Never {
        restoreDefaults()
        kill(getpid(), number)
        usleep(200_000)
        exit(128 + number)
    }
}
