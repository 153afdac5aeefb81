import Foundation
import NectarCatalog
import NectarSource
import Testing
@testable import NectarSnapshot

/// Reading back: request parameters become bound conditions on the right columns, projection
/// leaves the other columns NULL, and no value ever becomes SQL text.
@Suite struct SnapshotQueryTests {
    static let contatos = Catalog.nectarCRM.table(named: "contatos")!

    /// A snapshot holding three contatos: ids 1–3, names with a quote, constante 0/1/1.
    private func withContatos(_ body: (SnapshotStore) throws -> Void) throws {
        let path = TemporaryFile.path("query")
        defer { TemporaryFile.remove(path) }
        let store = try SnapshotStore.openForWriting(path: path, catalog: .nectarCRM)
        let writer = try SnapshotWriter(store: store, tables: [Self.contatos])
        let table = Self.contatos
        let records = [(1, "Ana O'Hara", 0), (2, "Bruno", 1), (3, "Bárbara", 1)].map { id, name, constante in
            var row = [Value](repeating: .null, count: table.columns.count)
            row[table.columnIndex("id")!] = .float(Double(id))
            row[table.columnIndex("nome")!] = .text(name)
            row[table.columnIndex("constante")!] = .float(Double(constante))
            row[table.columnIndex("dataatualizacao")!] = .timestamp(1_700_000_000_000 + Int64(id) * 86_400_000)
            return FlattenedRecord(id: .float(Double(id)), rows: [row])
        }
        try writer.write(FlattenedPage(records: records, recordCount: 3, coercionFailures: 0), of: table)
        try writer.commit([])
        try body(store)
    }

    private func ids(_ parameters: [QueryParameter], _ store: SnapshotStore) throws -> [Value] {
        let scan = SnapshotScan(request: PageRequest(path: "contatos/", parameters: parameters), table: Self.contatos, recordTable: Self.contatos)
        let reader = try SnapshotReader(SnapshotQuery(scan, catalog: .nectarCRM), store: store)
        return try reader.next(100).map { $0[Self.contatos.columnIndex("id")!] }
    }

    @Test func documentedFiltersNarrowByTheirColumns() throws {
        try withContatos { (store: SnapshotStore) throws in
            #expect(try ids([], store) == [.float(1), .float(2), .float(3)])
            #expect(try ids([QueryParameter("constante", "1")], store) == [.float(2), .float(3)])
            #expect(try ids([QueryParameter("nome", "B")], store) == [.float(2), .float(3)])
            #expect(try ids([QueryParameter("nome", "Bruno"), QueryParameter("exato", "true")], store) == [.float(2)])
            // 1700086400000 is 2023-11-15 22:13 UTC, 19:13 in Brazil: day 15/11/2023.
            #expect(try ids([QueryParameter("dataInicioAtualizacao", "16/11/2023")], store) == [.float(2), .float(3)])
            #expect(try ids([QueryParameter("dataFimAtualizacao", "15/11/2023")], store) == [.float(1)])
        }
    }

    @Test func aFilterTheSnapshotCannotMatchExactlyIsLeftToTheEngine() throws {
        try withContatos { (store: SnapshotStore) throws in
            // A prefix with a non-ASCII letter: byte comparison could miss canonically equal text.
            #expect(try ids([QueryParameter("nome", "Bá")], store).count == 3)
            #expect(try ids([QueryParameter("constante", "x")], store).count == 3)
            #expect(try ids([QueryParameter("unknown", "1")], store).count == 3)
        }
    }

    @Test func valuesAreBoundNeverWrittenIntoTheSQL() throws {
        try withContatos { (store: SnapshotStore) throws in
            let hostile = "x' or '1'='1"
            let scan = SnapshotScan(
                request: PageRequest(path: "contatos/", parameters: [QueryParameter("nome", hostile), QueryParameter("exato", "true")]),
                table: Self.contatos, recordTable: Self.contatos)
            let query = SnapshotQuery(scan, catalog: .nectarCRM)
            #expect(!query.sql.contains(hostile))
            #expect(query.bindings.contains(.text(hostile)))
            #expect(try ids([QueryParameter("nome", hostile), QueryParameter("exato", "true")], store).isEmpty)
            #expect(try ids([QueryParameter("nome", "Ana O'Hara"), QueryParameter("exato", "true")], store) == [.float(1)])
        }
    }

    @Test func projectionReadsOnlyTheAttributesAskedFor() throws {
        try withContatos { (store: SnapshotStore) throws in
            let table = Self.contatos
            let scan = SnapshotScan(
                request: PageRequest(path: "contatos/", parameters: [QueryParameter("attribute", "id")]), table: table, recordTable: table)
            let query = SnapshotQuery(scan, catalog: .nectarCRM)
            #expect(query.slots.map(\.slot) == [table.columnIndex("id")!])
            let rows = try SnapshotReader(query, store: store).next(10)
            #expect(rows.count == 3)
            #expect(rows.allSatisfy { $0[table.columnIndex("nome")!] == .null })
        }
    }

    @Test func aScanSelectsOnlyTheColumnsItsQueryReads() throws {
        try withContatos { (store: SnapshotStore) throws in
            let table = Self.contatos
            let read: Set<Int> = [table.columnIndex("constante")!, table.columnIndex("dataatualizacao")!]
            let scan = SnapshotScan(request: PageRequest(path: "contatos/", parameters: []), table: table, recordTable: table)
            let query = SnapshotQuery(scan, catalog: .nectarCRM, columns: read)
            #expect(Set(query.slots.map(\.slot)) == read)
            #expect(query.sql.hasPrefix("SELECT p.\"constante\", p.\"dataatualizacao\" FROM"), "\(query.sql)")
            // Read twice: the second reader borrows the statement the first gave back.
            for _ in 0..<2 {
                let rows = try SnapshotReader(query, store: store).next(10)
                #expect(rows.map { $0[table.columnIndex("constante")!] } == [.float(0), .float(1), .float(1)])
                #expect(rows.map { $0[table.columnIndex("dataatualizacao")!] } == [1, 2, 3].map { .timestamp(1_700_000_000_000 + $0 * 86_400_000) })
                #expect(rows.allSatisfy { $0[table.columnIndex("id")!] == .null && $0.count == table.columns.count })
            }
        }
    }

    @Test func aFanOutsListingsAreReadAsOneScan() throws {
        let table = Self.contatos
        let listings = ["0", "1"].map { value in
            SnapshotScan(request: PageRequest(path: "contatos/", parameters: [QueryParameter("constante", value)]), table: table, recordTable: table)
        }
        let merged = try #require(SnapshotScan.merging(listings, scope: nil))
        #expect(merged.conditions == [.anyOf(column: "constante", values: [.real(0), .real(1)])])
        // Most of the table: read in rowid order, not probed through the index row by row.
        #expect(SnapshotQuery(merged, catalog: .nectarCRM).sql.contains("+p.\"constante\" IN (?, ?)"))
        // Listings that differ in more than one column's values are read one by one.
        let other = SnapshotScan(
            request: PageRequest(path: "contatos/", parameters: [QueryParameter("constante", "2"), QueryParameter("nome", "A")]),
            table: table, recordTable: table)
        #expect(SnapshotScan.merging(listings + [other], scope: nil) == nil)
        #expect(SnapshotScan.merging([listings[0]], scope: nil) == nil)

        // Every status of oportunidades: the file holds nothing else, so no condition at all.
        let opportunities = try #require(Catalog.nectarCRM.table(named: "oportunidades"))
        let scope = try #require(opportunities.endpoint.requiredScope)
        let statuses = scope.values.map { status in
            SnapshotScan(
                request: PageRequest(path: "oportunidades/", parameters: [QueryParameter("status", String(status))]),
                table: opportunities, recordTable: opportunities)
        }
        #expect(try #require(SnapshotScan.merging(statuses, scope: scope)).conditions.isEmpty)
        #expect(try #require(SnapshotScan.merging(Array(statuses.prefix(2)), scope: scope)).conditions.count == 1)
    }

    @Test func lookupPathsMatchTheEndpointsTemplates() throws {
        try withContatos { (store: SnapshotStore) throws in
            let table = Self.contatos
            let scan = try #require(SnapshotScan(lookupPath: "contatos/2", table: table, recordTable: table))
            #expect(scan.isSingleLookup)
            let rows = try SnapshotReader(SnapshotQuery(scan, catalog: .nectarCRM), store: store).next(10)
            #expect(rows.map { $0[table.columnIndex("nome")!] } == [.text("Bruno")])
            #expect(SnapshotScan(lookupPath: "tarefas/2", table: table, recordTable: table) == nil)
        }
    }
}
