#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Installs a signal handler without `SA_RESTART`, so a wait such as the prompt's `poll`
/// returns at once. The handler may only do what is safe in a signal handler (bump an atomic).
enum SignalHandler {
    static func install(_ handler: @convention(c) (Int32) -> Void, for signals: [Int32]) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        for number in signals { sigaction(number, &action, nil) }
    }
}
