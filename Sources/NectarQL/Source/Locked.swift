import Foundation

/// A value guarded by a lock, for the few bits of state shared across tasks
/// (`Synchronization.Mutex` would need macOS 15, the package supports 13).
final class Locked<State>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()

    init(_ state: State) { self.state = state }

    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
