import NectarCatalog
import NectarPlanning
import NectarSyntax

/// What one left row becomes in a join, however its candidates were found (a hash table, a
/// lookup): itself next to each candidate the residual keeps or, in a left join where none is
/// kept, itself next to NULLs.
enum JoinRows {
    static func combine(
        _ row: [Value], with candidates: [[Value]], residual: BoundExpression?, kind: JoinKind, rightWidth: Int,
        context: EvaluationContext
    ) -> [[Value]] {
        var out: [[Value]] = []
        for candidate in candidates {
            let combined = row + candidate
            if residual?.holds(for: combined, context) ?? true { out.append(combined) }
        }
        if out.isEmpty, kind == .left { out.append(row + Array(repeating: .null, count: rightWidth)) }
        return out
    }
}
