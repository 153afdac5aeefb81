import NectarCatalog
import NectarPlanning
import NectarSyntax

/// How two sides of a join are matched: equal keys, then an optional residual over the combined row.
struct JoinKeys: Sendable, Hashable {
    /// Key expressions over the left row and, pairwise, over the right row.
    let left: [BoundExpression]
    let right: [BoundExpression]
    /// The rest of the `on` condition, over the combined row (left slots first).
    let residual: BoundExpression?
}
