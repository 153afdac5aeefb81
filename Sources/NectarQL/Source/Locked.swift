import Foundation

/// A value guarded by a lock, for the few bits of state shared across tasks. A class, unlike
/// `Synchronization.Mutex`, so it can be captured by the `@Sendable` closures of scans.
package final class Locked<State>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()

    package init(_ state: State) { self.state = state }

    package func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
