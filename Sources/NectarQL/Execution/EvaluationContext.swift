import NectarCatalog
import NectarSyntax

/// What evaluation needs besides the row: the session zone and the statement's `now()`,
/// fixed once per statement so every row sees the same instant.
struct EvaluationContext: Sendable {
    let time: ZonedTime
    let now: Int64
}
