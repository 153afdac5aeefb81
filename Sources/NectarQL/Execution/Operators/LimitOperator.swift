import NectarCatalog
import NectarSyntax

/// `limit n offset m`: skips m rows, passes n, then lets go of its input so fetching stops.
final class LimitOperator: RowOperator {
    private var input: RowOperator?
    private var toSkip: Int
    private var remaining: Int

    init(_ input: RowOperator, limit: Int?, offset: Int) {
        self.input = input
        self.toSkip = offset
        self.remaining = limit ?? Int.max
    }

    func next() async throws -> [[Value]]? {
        while remaining > 0, let batch = try await input?.next() {
            let afterSkip = batch.dropFirst(min(toSkip, batch.count))
            toSkip -= batch.count - afterSkip.count
            guard !afterSkip.isEmpty else { continue }
            let taken = Array(afterSkip.prefix(remaining))
            remaining -= taken.count
            if remaining == 0 { input = nil }
            return taken
        }
        input = nil
        return nil
    }
}
