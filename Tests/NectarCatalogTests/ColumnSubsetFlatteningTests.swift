import NectarCatalog
import Testing

/// A flattener reading only the columns a query uses: those and the record's id are decoded,
/// every other column is NULL, and the rows keep the table's width.
@Suite struct ColumnSubsetFlatteningTests {
    let contatos = Catalog.nectarCRM.table(named: "contatos")!
    let enderecos = Catalog.nectarCRM.table(named: "contatos_enderecos")!

    let body = Array(#"""
        [{"id": 7, "nome": "Ana", "empresa": true, "enderecos": [{"cep": "01001-000", "numero": 100}, {"cep": null}],
          "responsavel": {"id": 3, "nome": "Rui"}, "emails": ["a@b.com"]},
         {"id": 9, "nome": "Bia", "enderecos": []}]
        """#.utf8)

    func index(_ table: TableDefinition, _ name: String) -> Int { table.columnIndex(name)! }

    @Test func onlyTheColumnsReadAreDecodedAndTheIdAlways() throws {
        let nome = index(contatos, "nome")
        let page = try Flattener(table: contatos, reading: [nome]).flattenPage(body)
        #expect(page.records.map(\.id) == [.float(7), .float(9)])
        let rows = page.rows
        #expect(rows.map(\.count) == [contatos.columns.count, contatos.columns.count])
        #expect(rows.map { $0[nome] } == [.text("Ana"), .text("Bia")])
        let id = index(contatos, "id")
        for row in rows {
            #expect(row.indices.allSatisfy { $0 == nome || $0 == id || row[$0].isNull })
        }
        #expect(rows[0][index(contatos, "empresa")].isNull, "a column not read stays NULL")
    }

    @Test func readingEveryColumnMatchesReadingAll() throws {
        let all = try Flattener(table: contatos).flattenPage(body).rows
        let listed = try Flattener(table: contatos, reading: Set(contatos.columns.indices)).flattenPage(body).rows
        #expect(all == listed)
    }

    @Test func aChildTableStillHasARowPerElementWhenNoElementColumnIsRead() throws {
        let parent = index(enderecos, "contato_id")
        let page = try Flattener(table: enderecos, reading: [parent]).flattenPage(body)
        #expect(page.rows.map { $0[parent] } == [.float(7), .float(7)])
        let cep = index(enderecos, "enderecos_cep")
        let withCep = try Flattener(table: enderecos, reading: [cep]).flattenPage(body)
        #expect(withCep.rows.map { $0[cep] } == [.text("01001-000"), .null])
        #expect(withCep.records.map(\.id) == [.float(7), .float(9)], "records are still told apart by their id")
    }

    @Test func flattenersReadingDifferentColumnsNeverShareCachedPages() {
        let nome = index(contatos, "nome"), empresa = index(contatos, "empresa")
        let keys = [
            Flattener(table: contatos).cacheKey, Flattener(table: contatos, reading: [nome]).cacheKey,
            Flattener(table: contatos, reading: [nome, empresa]).cacheKey,
        ]
        #expect(Set(keys).count == 3)
        #expect(Flattener(table: contatos, reading: [empresa, nome]).cacheKey == keys[2])
    }

    /// Unread values holding what looks like structure: escaped quotes, brackets inside text, nesting.
    let tricky = #"""
        [{"id": 1, "observacao": "a \"quoted\" } ] { [ text\\", "cliente": {"a": [1, {"b": "]}"}], "c": null},
          "valorTotal": -1.5e3, "empresa": true, "nome": "Ana", "emails": []},
         {"nome": "Bia", "id": 2, "telefones": ["[", "\\"]}]
        """#

    @Test func unreadValuesAreSteppedOverWhateverTheyHold() throws {
        let nome = index(contatos, "nome")
        let page = try Flattener(table: contatos, reading: [nome]).flattenPage(Array(tricky.utf8))
        #expect(page.records.map(\.id) == [.float(1), .float(2)])
        #expect(page.rows.map { $0[nome] } == [.text("Ana"), .text("Bia")])
    }

    @Test func aBodyCutInsideAnUnreadValueIsTruncated() {
        let bytes = Array(tricky.utf8)
        let nome = index(contatos, "nome")
        let flattener = Flattener(table: contatos, reading: [nome])
        for cut in stride(from: 1, to: bytes.count - 1, by: 3) {
            #expect(throws: JSONError.self, "cut at \(cut)") { try flattener.flattenPage(Array(bytes.prefix(cut))) }
        }
    }
}
