/// Hands an operator tree to the consumer as an async sequence of batches. Pull-based: a batch is
/// produced only when asked for, so a slow reader slows the fetching instead of piling up rows,
/// and dropping the sequence releases the operators (and cancels their requests).
enum OperatorStream {
    static func batches(from root: RowOperator) -> AsyncThrowingStream<[[Value]], any Error> {
        let box = OperatorBox(root)
        return AsyncThrowingStream { try await box.next() }
    }
}

/// The stream calls its producer one call at a time, never concurrently, so the operator tree
/// (plain classes) is only ever touched by one task at a time.
private final class OperatorBox: @unchecked Sendable {
    private var root: RowOperator?

    init(_ root: RowOperator) { self.root = root }

    func next() async throws -> [[Value]]? {
        guard let root else { return nil }
        do {
            if let batch = try await root.next() { return batch }
        } catch {
            self.root = nil
            throw error
        }
        self.root = nil
        return nil
    }
}
