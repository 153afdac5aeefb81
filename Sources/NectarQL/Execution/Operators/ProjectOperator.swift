import NectarCatalog
import NectarPlanning
import NectarSyntax

/// Computes the output columns of each row.
final class ProjectOperator: RowOperator {
    private let input: RowOperator
    private let expressions: [BoundExpression]
    private let context: EvaluationContext

    init(_ input: RowOperator, expressions: [BoundExpression], context: EvaluationContext) {
        self.input = input
        self.expressions = expressions
        self.context = context
    }

    func next() async throws -> [[Value]]? {
        guard let batch = try await input.next() else { return nil }
        return batch.map { row in expressions.map { $0.evaluate(row, context) } }
    }
}
