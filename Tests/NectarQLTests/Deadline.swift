import Synchronization

/// The work did not finish in time (a hang, e.g. a scan that never ends).
struct DeadlinePassed: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "did not finish within \(limit)" }
}

/// Runs `work` in its own task and returns its value, or throws `DeadlinePassed` once `limit` has
/// passed, without waiting for the work: a loop that ignores cancellation fails the test instead
/// of hanging the suite (the runaway task is cancelled and left behind).
func finishing<T: Sendable>(within limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    let timer = Mutex<Task<Void, any Error>?>(nil)
    defer { timer.withLock { $0?.cancel() } }
    return try await withCheckedThrowingContinuation { continuation in
        let pending = Mutex<CheckedContinuation<T, any Error>?>(continuation)
        let resume: @Sendable (Result<T, any Error>) -> Void = { result in
            pending.withLock { waiting in
                waiting?.resume(with: result)
                waiting = nil
            }
        }
        let task = Task {
            do { resume(.success(try await work())) } catch { resume(.failure(error)) }
        }
        timer.withLock {
            $0 = Task {
                try await Task.sleep(for: limit)
                task.cancel()
                resume(.failure(DeadlinePassed(limit: limit)))
            }
        }
    }
}
