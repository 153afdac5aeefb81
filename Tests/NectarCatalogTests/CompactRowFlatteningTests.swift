import NectarCatalog
import Testing

/// A flattener asked for compact rows: each row carries only the columns read, in table order,
/// with the same values the full-width row has at those columns.
@Suite struct CompactRowFlatteningTests {
    let contatos = Catalog.nectarCRM.table(named: "contatos")!
    let enderecos = Catalog.nectarCRM.table(named: "contatos_enderecos")!

    let body = Array(#"""
        [{"id": 7, "nome": "Ana", "empresa": true, "enderecos": [{"cep": "01001-000"}], "responsavel": {"id": 3, "nome": "Rui"}},
         {"id": 9, "nome": "Bia", "empresa": "não sei"},
         {"nome": "Caio", "id": 9}]
        """#.utf8)

    func index(_ table: TableDefinition, _ name: String) -> Int { table.columnIndex(name)! }

    @Test func rowsCarryTheColumnsReadInTableOrderWithTheFullRowsValues() throws {
        let read: Set<Int> = [index(contatos, "responsavel_nome"), index(contatos, "nome"), index(contatos, "empresa")]
        let compact = try Flattener(table: contatos, reading: read, compactRows: true).flattenPage(body)
        let full = try Flattener(table: contatos, reading: read).flattenPage(body)
        #expect(compact.rows == full.rows.map { row in read.sorted().map { row[$0] } })
        #expect(compact.rows.first?.count == 3)
        #expect(compact.records.map(\.id) == full.records.map(\.id), "the id is read for deduplication though no row carries it")
        #expect(compact.coercionFailures == full.coercionFailures && compact.coercionFailures == 1, "\"não sei\" is no boolean")
    }

    @Test func anIdThatIsNoNumberCountsAsAFailureWhetherOrNotItIsRead() throws {
        let body = Array(#"[{"id": "x", "nome": "Ana"}, {"id": 2, "nome": "Bia"}]"#.utf8)
        let nome = index(contatos, "nome"), id = index(contatos, "id")
        for read: Set<Int> in [[nome], [nome, id]] {
            let compact = try Flattener(table: contatos, reading: read, compactRows: true).flattenPage(body)
            let full = try Flattener(table: contatos, reading: read).flattenPage(body)
            #expect(compact.coercionFailures == 1 && full.coercionFailures == 1)
            #expect(compact.rows == full.rows.map { row in read.sorted().map { row[$0] } })
        }
    }

    @Test func theLayoutSaysWhereEachColumnIs() {
        let nome = index(contatos, "nome"), empresa = index(contatos, "empresa")
        let layout = Flattener(table: contatos, reading: [empresa, nome], compactRows: true).layout
        #expect(layout.width == 2)
        #expect(layout.slot(ofColumn: min(nome, empresa)) == 0 && layout.slot(ofColumn: max(nome, empresa)) == 1)
        #expect(layout.slot(ofColumn: index(contatos, "id")) == nil)
    }

    @Test func withNothingReadEachRecordIsStillARow() throws {
        let page = try Flattener(table: contatos, reading: [], compactRows: true).flattenPage(body)
        #expect(page.rows == [[], [], []])
        #expect(page.records.map(\.id) == [.float(7), .float(9), .float(9)])
    }

    @Test func childTablesAndUnnamedColumnsKeepFullRows() {
        let cep = index(enderecos, "enderecos_cep")
        #expect(Flattener(table: enderecos, reading: [cep], compactRows: true).layout.width == enderecos.columns.count)
        #expect(Flattener(table: contatos, compactRows: true).layout.width == contatos.columns.count)
    }

    @Test func compactAndFullFlattenersNeverShareCachedPages() {
        let nome = index(contatos, "nome")
        #expect(Flattener(table: contatos, reading: [nome], compactRows: true).identity != Flattener(table: contatos, reading: [nome]).identity)
    }
}
