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
            Flattener(table: contatos).identity, Flattener(table: contatos, reading: [nome]).identity,
            Flattener(table: contatos, reading: [nome, empresa]).identity,
        ]
        #expect(Set(keys).count == 3)
        #expect(Flattener(table: contatos, reading: [empresa, nome]).identity == keys[2])
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

    /// Strings are skipped eight bytes at a time: random unread values, shifted by random padding
    /// so their quotes, brackets and escapes fall at every offset of a word, never derail it.
    @Test func randomUnreadValuesAtEveryAlignmentAreSteppedOver() throws {
        var generator = SplitMix64(state: 42)
        let nome = index(contatos, "nome")
        let flattener = Flattener(table: contatos, reading: [nome])
        for round in 0..<300 {
            let padding = String(repeating: " ", count: Int(generator.next() % 8))
            let unread = Self.randomValue(depth: 0, &generator)
            let body = #"[{"id": \#(round),\#(padding)"cliente": \#(unread), "nome": "n\#(round)"}]"#
            let page = try flattener.flattenPage(Array(body.utf8))
            #expect(page.rows.map { $0[nome] } == [.text("n\(round)")], "\(body)")
        }
    }

    static func randomValue(depth: Int, _ generator: inout SplitMix64) -> String {
        let pieces = ["\\\"", "]", "}", "[", "{", "\\\\", "ç", "—", ",", ":", "a", "bb", "\\n", " "]
        switch generator.next() % (depth < 4 ? 5 : 2) {
        case 0:
            return "\"" + (0..<Int(generator.next() % 20)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined() + "\""
        case 1: return ["12", "-1.5e3", "true", "null", "0"][Int(generator.next() % 5)]
        case 2, 3:
            let members = (0..<Int(generator.next() % 4)).map { i in "\"k\(i)\": " + randomValue(depth: depth + 1, &generator) }
            return "{" + members.joined(separator: ",") + "}"
        default:
            return "[" + (0..<Int(generator.next() % 4)).map { _ in randomValue(depth: depth + 1, &generator) }.joined(separator: ", ") + "]"
        }
    }
}
