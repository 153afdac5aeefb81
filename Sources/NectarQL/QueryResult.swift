import NectarExecution

/// The answer to one statement: its columns, known before any row, and the rows as they arrive.
///
/// Rows come in batches (about a page at a time). Stop iterating, or cancel the consuming task,
/// and the engine stops fetching. An error thrown by the sequence means the result is incomplete.
public struct QueryResult: Sendable {
    public let columns: [ResultColumn]
    public let batches: RowBatches
    /// Something the reader should know about the answer, said once (why `describe` shows no
    /// custom fields); the shell writes it to stderr.
    public internal(set) var notice: String?

    init(columns: [ResultColumn], batches: RowBatches) {
        self.columns = columns
        self.batches = batches
    }

    /// A result whose rows are known up front (schema answers, explain).
    init(columns: [ResultColumn], rows: [[Value]]) {
        self.init(columns: columns, batches: RowBatches(ValuesOperator(rows)))
    }

    /// Every row, for callers that want the whole answer at once.
    public func allRows() async throws -> [[Value]] {
        var rows: [[Value]] = []
        for try await batch in batches { rows.append(contentsOf: batch) }
        return rows
    }
}
