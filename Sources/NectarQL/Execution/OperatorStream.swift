import NectarCatalog

/// A statement's rows as an async sequence of batches, read once.
///
/// Pull-based: a batch is produced only when asked for, so a slow reader slows the fetching
/// instead of piling up rows. When the iterator goes away (the loop was left, the task
/// cancelled) the operators are released at once, which cancels their requests, even while the
/// `QueryResult` itself is still around.
public struct RowBatches: AsyncSequence, Sendable {
    public typealias Element = [[Value]]
    public typealias Failure = any Error

    private let box: OperatorBox

    package init(_ root: RowOperator) { box = OperatorBox(root) }

    public func makeAsyncIterator() -> Iterator { Iterator(box) }

    public final class Iterator: AsyncIteratorProtocol {
        private let box: OperatorBox

        fileprivate init(_ box: OperatorBox) { self.box = box }

        deinit { box.release() }

        public func next() async throws -> [[Value]]? { try await box.next() }
    }
}

/// Holds the operator tree. One iterator reads it, one call at a time, and releases it only when
/// no call is running (at the end, or when the iterator goes away), so the tree (plain classes)
/// is never touched by two tasks at once.
private final class OperatorBox: @unchecked Sendable {
    private var root: RowOperator?

    init(_ root: RowOperator) { self.root = root }

    func next() async throws -> [[Value]]? {
        guard let root else { return nil }
        do {
            if let batch = try await root.next() { return batch }
        } catch {
            release()
            throw error
        }
        release()
        return nil
    }

    func release() { root = nil }
}
