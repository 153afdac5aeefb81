import NectarCatalog
import NectarPlanning
import NectarSyntax

/// Hash join: holds the right side in a table keyed by the join keys, streams the left side through it.
/// A NULL key matches nothing, as `=` would say.
final class HashJoinOperator: RowOperator {
    private let left: RowOperator
    private var right: RowOperator?
    private let condition: JoinKeys
    private let kind: JoinKind
    private let rightWidth: Int
    private let context: EvaluationContext
    private var table: [[Value]: [[Value]]] = [:]

    init(left: RowOperator, right: RowOperator, rightWidth: Int, condition: JoinKeys, kind: JoinKind, context: EvaluationContext) {
        self.left = left
        self.right = right
        self.rightWidth = rightWidth
        self.condition = condition
        self.kind = kind
        self.context = context
    }

    func next() async throws -> [[Value]]? {
        if let right {
            try await build(from: right)
            self.right = nil
        }
        while let batch = try await left.next() {
            let joined = batch.flatMap(matches)
            if !joined.isEmpty { return joined }
        }
        return nil
    }

    private func build(from input: RowOperator) async throws {
        while let batch = try await input.next() {
            for row in batch {
                guard let key = Self.key(condition.right, row, context) else { continue }
                table[key, default: []].append(row)
            }
        }
    }

    private func matches(for row: [Value]) -> [[Value]] {
        let candidates = Self.key(condition.left, row, context).flatMap { table[$0] } ?? []
        return JoinRows.combine(
            row, with: candidates, residual: condition.residual, kind: kind, rightWidth: rightWidth, context: context)
    }

    /// The join key of a row, or nil when any part is NULL.
    static func key(_ expressions: [BoundExpression], _ row: [Value], _ context: EvaluationContext) -> [Value]? {
        var key: [Value] = []
        key.reserveCapacity(expressions.count)
        for expression in expressions {
            let value = expression.evaluate(row, context)
            if value.isNull { return nil }
            key.append(value.groupingKey)
        }
        return key
    }
}
