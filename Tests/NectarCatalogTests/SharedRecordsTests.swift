import Testing
import NectarCatalog

/// A parent and its child table read as one table: each element's row next to its record's row.
@Suite struct SharedRecordsTests {
    let contatos = Catalog.nectarCRM.table(named: "contatos")!
    let enderecos = Catalog.nectarCRM.table(named: "contatos_enderecos")!
    let body = Array(#"""
        [{"id": 7, "nome": "Acme", "enderecos": [{"cep": "01001-000", "id": 30}, {"cep": "20040-002", "id": 31}]},
         {"id": 9, "nome": "Bia", "enderecos": []},
         {"id": 11, "nome": "Caio"}]
        """#.utf8)

    func cell(_ table: TableDefinition, _ row: [Value], _ column: String, from offset: Int = 0) -> Value {
        row[offset + table.columnIndex(column)!]
    }

    @Test func parentFirstGivesOneRowPerElementWithItsRecordsColumns() throws {
        let shared = try #require(TableDefinition.sharedRecords(contatos, enderecos, keepingRecordsWithoutElements: false))
        #expect(shared.columns.map(\.name) == contatos.columns.map(\.name) + enderecos.columns.map(\.name))
        let rows = try Flattener(table: shared).flattenPage(body).rows
        let width = contatos.columns.count
        #expect(rows.map { cell(contatos, $0, "nome") } == [.text("Acme"), .text("Acme")])
        #expect(rows.map { cell(enderecos, $0, "enderecos_cep", from: width) } == [.text("01001-000"), .text("20040-002")])
        #expect(rows.allSatisfy { cell(enderecos, $0, "contato_id", from: width) == .float(7) })
    }

    @Test func keepingRecordsWithoutElementsGivesThemOneRowWithNullElementColumns() throws {
        let shared = try #require(TableDefinition.sharedRecords(contatos, enderecos, keepingRecordsWithoutElements: true))
        let page = try Flattener(table: shared).flattenPage(body)
        let width = contatos.columns.count
        #expect(page.rows.map { cell(contatos, $0, "nome") } == [.text("Acme"), .text("Acme"), .text("Bia"), .text("Caio")])
        let childless = page.rows.suffix(2)
        #expect(childless.allSatisfy { row in row[width...].allSatisfy { $0 == .null } }, "the child's contato_id too")
        #expect(childless.allSatisfy { cell(enderecos, $0, "enderecos_cep", from: width) == .null })
        #expect(page.records.map(\.id) == [.float(7), .float(9), .float(11)])
    }

    @Test func childFirstPutsTheElementColumnsFirst() throws {
        let shared = try #require(TableDefinition.sharedRecords(enderecos, contatos, keepingRecordsWithoutElements: false))
        #expect(shared.columns.map(\.name) == enderecos.columns.map(\.name) + contatos.columns.map(\.name))
        let rows = try Flattener(table: shared).flattenPage(body).rows
        #expect(rows.map { cell(contatos, $0, "nome", from: enderecos.columns.count) } == [.text("Acme"), .text("Acme")])
    }

    @Test func onlyAParentAndItsOwnChildTableShareRecords() {
        let oportunidades = Catalog.nectarCRM.table(named: "oportunidades")!
        #expect(TableDefinition.sharedRecords(oportunidades, enderecos, keepingRecordsWithoutElements: false) == nil)
        #expect(TableDefinition.sharedRecords(contatos, contatos, keepingRecordsWithoutElements: false) == nil)
        #expect(TableDefinition.sharedRecords(enderecos, enderecos, keepingRecordsWithoutElements: false) == nil)
    }
}
