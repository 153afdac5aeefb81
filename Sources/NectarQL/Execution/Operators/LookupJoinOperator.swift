import NectarCatalog
import NectarPlanning
import NectarSyntax

/// Lookup join: streams the left side and fetches the right rows for each distinct key it has not
/// seen yet (`GET contatos/{id}`, or a listing with `clienteId=…`), a batch of keys at a time.
/// Chosen by the planner when that costs fewer requests than scanning the whole right side.
final class LookupJoinOperator: RowOperator {
    /// Fetches the right rows for some keys, all at once (the fetcher runs them concurrently).
    typealias Fetcher = @Sendable ([Value]) async throws -> [Value: [[Value]]]

    private let left: RowOperator
    private let leftKey: BoundExpression
    private let residual: BoundExpression?
    private let kind: JoinKind
    private let rightWidth: Int
    private let fetch: Fetcher
    private let context: EvaluationContext
    private var fetched: [Value: [[Value]]] = [:]

    init(
        left: RowOperator, leftKey: BoundExpression, residual: BoundExpression?, kind: JoinKind, rightWidth: Int,
        context: EvaluationContext, fetch: @escaping Fetcher
    ) {
        self.left = left
        self.leftKey = leftKey
        self.residual = residual
        self.kind = kind
        self.rightWidth = rightWidth
        self.context = context
        self.fetch = fetch
    }

    func next() async throws -> [[Value]]? {
        while let batch = try await left.next() {
            let keys = batch.map { leftKey.evaluate($0, context).groupingKey }
            var missing: [Value] = []
            var requested = Set<Value>()
            for key in keys where !key.isNull && fetched[key] == nil && requested.insert(key).inserted {
                missing.append(key)
            }
            if !missing.isEmpty {
                let found = try await fetch(missing)
                for key in missing { fetched[key] = found[key] ?? [] }
            }
            let joined = zip(batch, keys).flatMap { row, key in
                JoinRows.combine(
                    row, with: key.isNull ? [] : fetched[key] ?? [], residual: residual, kind: kind, rightWidth: rightWidth,
                    context: context)
            }
            if !joined.isEmpty { return joined }
        }
        return nil
    }
}
