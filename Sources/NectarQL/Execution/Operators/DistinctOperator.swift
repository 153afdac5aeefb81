import NectarCatalog
import NectarSyntax

/// `select distinct`: passes each row the first time it is seen.
final class DistinctOperator: RowOperator {
    private let input: RowOperator
    private var seen = Set<[Value]>()

    init(_ input: RowOperator) { self.input = input }

    func next() async throws -> [[Value]]? {
        while let batch = try await input.next() {
            let fresh = batch.filter { seen.insert($0.map(\.groupingKey)).inserted }
            if !fresh.isEmpty { return fresh }
        }
        return nil
    }
}
