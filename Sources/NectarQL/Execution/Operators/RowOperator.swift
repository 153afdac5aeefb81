import NectarCatalog
import NectarSyntax

/// One stage of a running statement. Each call hands over the next batch of rows, nil at the end.
///
/// Operators pull from their inputs (a limit simply stops pulling, and releasing a scan cancels
/// its requests). They live inside the one task that runs the statement, so they are plain classes.
package protocol RowOperator: AnyObject {
    func next() async throws -> [[Value]]?
}

extension RowOperator {
    /// Every remaining row: for the operators that must hold their input (sort, aggregate, join build).
    func drain() async throws -> [[Value]] {
        var rows: [[Value]] = []
        while let batch = try await next() {
            try Task.checkCancellation()
            rows.append(contentsOf: batch)
        }
        return rows
    }
}

/// Rows known before the statement runs: schema answers, explain, and a select without a table.
package final class ValuesOperator: RowOperator {
    private var rows: [[Value]]?

    package init(_ rows: [[Value]]) { self.rows = rows }

    package func next() async throws -> [[Value]]? {
        defer { rows = nil }
        return rows
    }
}
