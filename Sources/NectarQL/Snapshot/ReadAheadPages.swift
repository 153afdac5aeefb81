import Foundation
import NectarCatalog

/// Pages read from the file on a thread of their own, a few pages ahead of the consumer: SQLite
/// decoding a page overlaps the engine working on the page before. The thread blocks while
/// `depth` pages wait, so memory stays bounded; it stops when the pages end, on an error, or
/// when the consumer goes away or is cancelled, and then releases what `read` holds (a
/// statement, and so its read transaction), not when the file closes.
final class ReadAheadPages: @unchecked Sendable {
    /// What the thread and the consumer share, under `condition`.
    private final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var pages: [[[Value]]] = []
        var end: Result<Void, any Error>?
        var waiting: CheckedContinuation<[[Value]]?, any Error>?
        var stopped = false
    }

    private let shared = Shared()

    /// Starts reading at once, at most `depth` pages ahead; `read` returns the next page (which
    /// may be empty), or nil at the end.
    init(depth: Int, read: @escaping @Sendable () throws -> [[Value]]?) {
        let shared = shared
        Thread { Self.produce(shared, depth: depth, read: read) }.start()
    }

    /// Stops the thread when the last consumer reference goes (a `limit` that stops early).
    deinit {
        Self.stop(shared)
    }

    /// The next page, or nil at the end; waits when the thread has not read it yet.
    func next() async throws -> [[Value]]? {
        let shared = shared
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                shared.condition.lock()
                defer { shared.condition.unlock() }
                if !shared.pages.isEmpty {
                    continuation.resume(returning: shared.pages.removeFirst())
                    shared.condition.signal()
                } else if let end = shared.end {
                    continuation.resume(with: end.map { nil })
                } else {
                    shared.waiting = continuation
                }
            }
        } onCancel: {
            Self.stop(shared)
        }
    }

    private static func produce(_ shared: Shared, depth: Int, read: () throws -> [[Value]]?) {
        while true {
            shared.condition.lock()
            while shared.pages.count >= depth, !shared.stopped { shared.condition.wait() }
            let stopped = shared.stopped
            shared.condition.unlock()
            if stopped { return }
            let page: Result<[[Value]]?, any Error> = Result { try read() }
            shared.condition.lock()
            defer { shared.condition.unlock() }
            guard !shared.stopped else { return }
            switch page {
            case .success(nil):
                finish(shared, with: .success(()))
                return
            case .success(let rows?):
                if let waiting = shared.waiting {
                    shared.waiting = nil
                    waiting.resume(returning: rows)
                } else {
                    shared.pages.append(rows)
                }
            case .failure(let error):
                finish(shared, with: .failure(error))
                return
            }
        }
    }

    /// Records the end and hands it to a waiting consumer; the caller holds the lock.
    private static func finish(_ shared: Shared, with end: Result<Void, any Error>) {
        shared.end = end
        shared.stopped = true
        if let waiting = shared.waiting {
            shared.waiting = nil
            waiting.resume(with: end.map { nil })
        }
    }

    /// Ends the read early: the thread stops after its current page, a waiting consumer is cancelled.
    private static func stop(_ shared: Shared) {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        guard !shared.stopped else { return }
        finish(shared, with: .failure(CancellationError()))
        shared.pages.removeAll()
        shared.condition.broadcast()
    }
}
