import NectarCatalog
import NectarPlanning
import NectarSyntax

/// Keeps the rows for which the predicate is true (unknown drops the row, as in SQL).
final class FilterOperator: RowOperator {
    private let input: RowOperator
    private let predicate: BoundExpression
    private let context: EvaluationContext

    init(_ input: RowOperator, predicate: BoundExpression, context: EvaluationContext) {
        self.input = input
        self.predicate = predicate
        self.context = context
    }

    func next() async throws -> [[Value]]? {
        while let batch = try await input.next() {
            let kept = batch.filter { predicate.holds(for: $0, context) }
            if !kept.isEmpty { return kept }
        }
        return nil
    }
}
