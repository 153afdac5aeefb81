import Foundation
import NectarCatalog
import NectarSource
import Testing
@testable import NectarSnapshot

/// A whole table read by several connections at once must give exactly the rows one connection
/// gives, in the same order, and give its connections back however the read ends.
@Suite struct SplitTableReadTests {
    static let contatos = Catalog.nectarCRM.table(named: "contatos")!

    /// A snapshot of contatos 1…`count`, every seventh deleted afterwards, so the rowids have gaps.
    private func withContatos(count: Int, _ body: (String) async throws -> Void) async throws {
        let path = TemporaryFile.path("split")
        defer { TemporaryFile.remove(path) }
        let table = Self.contatos
        do {
            let store = try SnapshotStore.openForWriting(path: path, catalog: .nectarCRM)
            let writer = try SnapshotWriter(store: store, tables: [table])
            let records = (1...count).map { id in
                var row = [Value](repeating: .null, count: table.columns.count)
                row[table.columnIndex("id")!] = .float(Double(id))
                row[table.columnIndex("nome")!] = .text("Contato \(id)")
                row[table.columnIndex("constante")!] = .float(Double(id % 2))
                return FlattenedRecord(id: .float(Double(id)), rows: [row])
            }
            try writer.write(FlattenedPage(records: records, recordCount: count, coercionFailures: 0), of: table)
            try writer.commit([])
            try store.connection.execute("DELETE FROM \"contatos\" WHERE CAST(id AS INTEGER) % 7 = 0")
        }
        try await body(path)
    }

    private var wholeTable: SnapshotQuery {
        let scan = SnapshotScan(request: PageRequest(path: "contatos/", parameters: []), table: Self.contatos, recordTable: Self.contatos)
        let read: Set<Int> = [Self.contatos.columnIndex("id")!, Self.contatos.columnIndex("nome")!]
        return SnapshotQuery(scan, catalog: .nectarCRM, columns: read)
    }

    private func rows(_ path: String, _ shape: SplitTableRead.Shape) async throws -> [[Value]] {
        let store = try SnapshotStore.openForReading(path: path, split: shape)
        var rows: [[Value]] = []
        for try await page in store.rows(of: wholeTable, pageRows: 64) { rows += page }
        return rows
    }

    @Test func aSplitReadGivesTheRowsOneConnectionGivesInTheSameOrder() async throws {
        try await withContatos(count: 1_000) { path in
            let serial = try await rows(path, .init(threads: 1))
            #expect(serial.count == 1_000 - 1_000 / 7)
            for threads in [2, 3, 4] {
                for rangeRows in [1, 7, 64, 250] {
                    let split = try await rows(path, .init(threads: threads, rangeRows: rangeRows))
                    // Compared as one Bool: a failure would otherwise print every row twice.
                    let same = split == serial
                    #expect(same, "threads \(threads), \(rangeRows) rowids a range")
                }
            }
        }
    }

    /// A split read of the whole table from a pool of `threads` connections; nil when not split.
    private func splitRead(_ path: String, threads: Int, rangeRows: Int) throws -> (ReadConnectionPool, SplitTableRead?) {
        let pool = ReadConnectionPool(path: path, keep: threads)
        let query = wholeTable
        let rowRange = try #require(query.rowRange)
        return (pool, try SplitTableRead(query, rowRange, shape: .init(threads: threads, rangeRows: rangeRows), pool: pool))
    }

    @Test func rowidsFarApartAreCutIntoFewRangesThatCoverThemExactly() {
        let small = RowidRanges(lowest: 1, highest: 10, span: 3)
        #expect((0..<small.count).map { small[$0] } == [1...3, 4...6, 7...9, 10...10])
        for (lowest, highest) in [(Int64.min, Int64.max), (1, 10_000_000_000), (-5, Int64.max), (Int64.min, 0)] {
            let ranges = RowidRanges(lowest: lowest, highest: highest, span: 1024)
            #expect(ranges.count <= RowidRanges.maximumCount)
            #expect(ranges[0].lowerBound == lowest && ranges[ranges.count - 1].upperBound == highest)
            let adjacent = (1..<ranges.count).allSatisfy { ranges[$0].lowerBound == ranges[$0 - 1].upperBound + 1 }
            #expect(adjacent, "\(lowest)…\(highest)")
        }
    }

    @Test func rowidsAtTheEndsOf64BitsAreReadLikeAnyOthers() async throws {
        try await withContatos(count: 500) { path in
            do {
                let store = try SnapshotStore.openForReading(path: path)
                // Another program may write any rowid; SQLite picks random ones once the largest is taken.
                try store.connection.execute("UPDATE \"contatos\" SET rowid = 9223372036854775807 WHERE id = 500")
                try store.connection.execute("UPDATE \"contatos\" SET rowid = -9223372036854775808 WHERE id = 1")
            }
            let serial = try await rows(path, .init(threads: 1))
            #expect(serial.count == 500 - 500 / 7)
            let split = try await rows(path, .init(threads: 2, rangeRows: 64))
            let same = split == serial
            #expect(same)
        }
    }

    @Test func aLargeEnoughTableIsSplitAndItsConnectionsComeBack() async throws {
        try await withContatos(count: 300) { path in
            let (pool, read) = try splitRead(path, threads: 3, rangeRows: 10)
            let split = try #require(read)
            var count = 0
            while let page = try await split.next() { count += page.count }
            #expect(count == 300 - 300 / 7)
            try await expectAllBack(pool, count: 3)
        }
    }

    @Test func aTableOfFewRangesIsNotSplit() async throws {
        try await withContatos(count: 30) { path in
            // 30 rowids in ranges of 10 are 3 ranges, fewer than two for each of 2 threads.
            let (pool, split) = try splitRead(path, threads: 2, rangeRows: 10)
            #expect(split == nil)
            try await expectAllBack(pool, count: 2)
        }
    }

    @Test func aSplitReadDroppedEarlyStopsAndGivesItsConnectionsBack() async throws {
        try await withContatos(count: 2_000) { path in
            let pool: ReadConnectionPool
            do {
                let (taken, read) = try splitRead(path, threads: 2, rangeRows: 5)
                pool = taken
                let split = try #require(read)
                #expect(try await split.next()?.isEmpty == false)
                #expect(pool.idleCount == 0)
            }
            // A `limit` was reached: the consumer went away with most ranges unread.
            try await expectAllBack(pool, count: 2)
        }
    }

    @Test func onlyAWholeTableWithoutLimitIsOfferedRowRanges() {
        let table = Self.contatos
        func query(_ parameters: [QueryParameter], limit: Int? = nil) -> SnapshotQuery {
            let scan = SnapshotScan(request: PageRequest(path: "contatos/", parameters: parameters), table: table, recordTable: table)
            return SnapshotQuery(scan, catalog: .nectarCRM, limit: limit)
        }
        #expect(query([]).rowRange != nil)
        #expect(query([]).rowRange?.sql.hasSuffix("p.rowid BETWEEN ? AND ? ORDER BY p.rowid") == true)
        // A filtered listing reads through its index, not the whole table.
        #expect(query([QueryParameter("constante", "1")]).rowRange == nil)
        #expect(query([], limit: 10).rowRange == nil)
        let listings = ["0", "1"].map { value in
            SnapshotScan(request: PageRequest(path: "contatos/", parameters: [QueryParameter("constante", value)]), table: table, recordTable: table)
        }
        let merged = SnapshotScan.merging(listings, scope: nil)!
        #expect(SnapshotQuery(merged, catalog: .nectarCRM).rowRange != nil)
        #expect(SnapshotQuery(merged, catalog: .nectarCRM, dialect: .postgres(schema: "s")).rowRange == nil)
    }

    /// Waits (2 s at most) until `count` connections are idle in the pool, none in a transaction.
    private func expectAllBack(_ pool: ReadConnectionPool, count: Int) async throws {
        for _ in 0..<200 where pool.idleCount < count { try await Task.sleep(for: .milliseconds(10)) }
        #expect(pool.idleCount == count)
        let connections = (0..<pool.idleCount).compactMap { _ in try? pool.take() }
        #expect(connections.allSatisfy { !$0.isInTransaction })
    }
}
