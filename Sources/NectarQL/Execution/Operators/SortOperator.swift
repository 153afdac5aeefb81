import NectarCatalog
import NectarPlanning
import NectarSyntax

/// `order by`: holds every row, then sorts stably by the keys.
final class SortOperator: RowOperator {
    private let input: RowOperator
    private let keys: [SortKey]
    private let context: EvaluationContext
    /// The one batch of sorted rows has been handed out.
    private var finished = false

    init(_ input: RowOperator, keys: [SortKey], context: EvaluationContext) {
        self.input = input
        self.keys = keys
        self.context = context
    }

    func next() async throws -> [[Value]]? {
        if finished { return nil }
        let rows = try await input.drain()
        // Evaluate each key once per row, then sort indices: stable because ties fall back to position.
        let keyValues = rows.map { row in keys.map { SortValue($0.expression.evaluate(row, context)) } }
        let order = rows.indices.sorted { a, b in
            for (k, key) in keys.enumerated() {
                var c = SortValue.order(keyValues[a][k], keyValues[b][k], nullsFirst: key.nullsFirst)
                if key.descending, !keyValues[a][k].value.isNull, !keyValues[b][k].value.isNull { c = -c }
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        finished = true
        let result = order.map { rows[$0] }
        return result.isEmpty ? nil : result
    }
}
