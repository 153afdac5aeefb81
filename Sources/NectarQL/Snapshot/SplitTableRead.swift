import Foundation
import NectarCatalog

/// A whole table read by several connections at once, on threads of their own: the table's
/// rowids are cut into ranges, dealt out in turn, and the ranges' pages handed on in rowid order,
/// so the rows come exactly as one connection would read them. SQLite decoding rows is most of
/// a snapshot group-by's time, and this spreads it over the cores while the engine aggregates.
///
/// Every connection reads inside its own transaction; they are used only when all of them see
/// the same sync (a sync commits its bookkeeping with its rows, so equal bookkeeping is the same
/// data). Otherwise, or for a small table, there is no split and the caller reads as usual.
package final class SplitTableRead: @unchecked Sendable {
    private let workers: [ReadAheadPages]
    private let ranges: Int
    /// The next range to hand on; one consumer reads the stream.
    private var range = 0
    /// The rows the ranges must give in all, when the table's row count is the query's; and
    /// what they gave so far. A shortfall means a damaged file, not an answer.
    private let expectedRows: Int?
    private var deliveredRows = 0
    private let path: String

    /// How a table is split: into how many threads, and how many rowids a range holds.
    package struct Shape: Sendable {
        /// Reading threads: one per core, a few at most; with one there is no split.
        package var threads = min(4, ProcessInfo.processInfo.activeProcessorCount)
        /// Rowids per range; nil sizes a range by the row's width (see `span`).
        package var rangeRows: Int?

        package init(threads: Int? = nil, rangeRows: Int? = nil) {
            if let threads { self.threads = threads }
            self.rangeRows = rangeRows
        }
    }

    /// Ranges each thread reads ahead of the consumer.
    static let depth = 2

    /// Nil when the table is too small to be worth splitting, or the connections disagree.
    init?(_ query: SnapshotQuery, _ rowRange: RowRangeQuery, shape: Shape, pool: ReadConnectionPool) throws {
        let threads = shape.threads
        guard threads > 1 else { return nil }
        let connections = try (0..<threads).map { _ in try pool.take() }
        func release() { connections.forEach(pool.giveBack) }
        let bounds: ClosedRange<Int64>
        do {
            for connection in connections { try connection.execute("BEGIN") }
            let stamps = try connections.map(Self.syncStamp)
            guard Set(stamps).count == 1, let found = try Self.bounds(rowRange, on: connections[0]) else {
                release()
                return nil
            }
            bounds = found
            expectedRows = try rowRange.rowCountSQL.map { Int(try connections[0].scalar($0).integer ?? 0) }
        } catch {
            release()
            throw error
        }
        let cut = RowidRanges(
            lowest: bounds.lowerBound, highest: bounds.upperBound, span: shape.rangeRows ?? Self.span(width: query.width))
        // Fewer ranges than two a thread leave the threads waiting on each other more than working.
        guard cut.count >= 2 * threads else {
            release()
            return nil
        }
        path = connections[0].path
        var workers: [ReadAheadPages] = []
        for (index, connection) in connections.enumerated() {
            let mine = stride(from: index, to: cut.count, by: threads).map { cut[$0] }
            let reader: RowRangeReader
            do {
                reader = try RowRangeReader(query, rowRange, ranges: mine, connection: connection, pool: pool)
            } catch {
                // The readers made so far give theirs back when their threads stop.
                connections[index...].forEach(pool.giveBack)
                throw error
            }
            workers.append(ReadAheadPages(depth: Self.depth) { try reader.next() })
        }
        self.workers = workers
        ranges = cut.count
    }

    /// The next non-empty page in rowid order, or nil after the last range.
    func next() async throws -> [[Value]]? {
        while range < ranges {
            let worker = workers[range % workers.count]
            range += 1
            guard let page = try await worker.next() else {
                throw SnapshotError("a reading thread of the snapshot stopped before its last range")
            }
            deliveredRows += page.count
            if !page.isEmpty { return page }
        }
        if let expectedRows, deliveredRows != expectedRows {
            throw SnapshotError.unreadable(path, "a table holds \(expectedRows) rows but reading it gave \(deliveredRows)")
        }
        return nil
    }

    /// Rowids per range: about 8,192 values a page, between 64 and 1,024 rows.
    private static func span(width: Int) -> Int {
        min(1024, max(64, 8192 / max(1, width)))
    }

    /// The driving table's first and last rowid; nil when it is empty.
    private static func bounds(_ rowRange: RowRangeQuery, on connection: SQLiteConnection) throws -> ClosedRange<Int64>? {
        let statement = try connection.prepare(rowRange.boundsSQL)
        try statement.bind([])
        guard try statement.step(), !statement.isNull(at: 0), !statement.isNull(at: 1) else { return nil }
        return statement.integer(at: 0)...statement.integer(at: 1)
    }

    /// Every table's bookkeeping as this connection's transaction sees it, as SQLite spells it in text.
    private static func syncStamp(_ connection: SQLiteConnection) throws -> String {
        let statement = try connection.prepare(
            "SELECT * FROM \(SnapshotSchema.quoted(SnapshotSchema.bookkeepingTable)) ORDER BY table_name")
        try statement.bind([])
        var stamp = ""
        while try statement.step() {
            for column in 0..<statement.columnCount {
                stamp += (statement.isNull(at: column) ? "NULL" : statement.text(at: column)) + "|"
            }
            stamp += "\n"
        }
        return stamp
    }
}

/// One reading thread's share of a split read: its ranges, read one page per range, on its own
/// connection inside the transaction the split began. Done, it gives the connection back (which
/// ends that transaction).
private final class RowRangeReader: @unchecked Sendable {
    private var statement: SQLiteStatement?
    private let connection: SQLiteConnection
    private let pool: ReadConnectionPool
    private let bindings: [SQLiteValue]
    private let decoder: SnapshotRowDecoder
    private let ranges: [ClosedRange<Int64>]
    private var nextRange = 0

    init(
        _ query: SnapshotQuery, _ rowRange: RowRangeQuery, ranges: [ClosedRange<Int64>], connection: SQLiteConnection,
        pool: ReadConnectionPool
    ) throws {
        statement = try connection.prepare(rowRange.sql)
        self.connection = connection
        self.pool = pool
        bindings = query.bindings.map(\.sqlite)
        decoder = SnapshotRowDecoder(query)
        self.ranges = ranges
    }

    deinit {
        // The statement goes first: the connection may be another thread's once it is back.
        statement = nil
        pool.giveBack(connection)
    }

    /// The next range's rows (perhaps none), or nil after the last.
    func next() throws -> [[Value]]? {
        guard nextRange < ranges.count, let statement else { return nil }
        let range = ranges[nextRange]
        nextRange += 1
        try statement.bind(bindings + [.integer(range.lowerBound), .integer(range.upperBound)])
        var rows: [[Value]] = []
        while try statement.step() { rows.append(decoder.row(of: statement)) }
        return rows
    }
}
