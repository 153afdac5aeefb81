import NectarCatalog
import NectarSemantics
import NectarSyntax

/// What evaluation needs besides the row: the session zone and the statement's `now()`,
/// fixed once per statement so every row sees the same instant.
package struct EvaluationContext: Sendable {
    package let time: ZonedTime
    let now: Int64

    package init(time: ZonedTime, now: Int64) {
        self.time = time
        self.now = now
    }
}
