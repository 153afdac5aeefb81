/// Remembers which record positions a filter query selected; bounded, since tests and
/// benchmarks use only a few distinct filters while scanning many pages.
final class SelectionCache: Sendable {
    private static let capacity = 256
    private let entries = Locked<[String: [Int]]>([:])

    func positions(for key: String) -> [Int]? {
        entries.withLock { $0[key] }
    }

    func store(_ positions: [Int], for key: String) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[key] = positions
        }
    }
}
