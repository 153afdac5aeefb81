import NectarCatalog
import Testing

/// A key at the same place as the previous record's key is matched by comparing bytes, without
/// a scan: near misses at that place (longer, shorter, another case, escaped, spaced, under
/// another object) must still be read as what they are.
@Suite struct RepeatedKeyFlatteningTests {
    let contatos = Catalog.nectarCRM.table(named: "contatos")!

    func index(_ name: String) -> Int { contatos.columnIndex(name)! }

    @Test func nearMissesAtARememberedPlaceAreReadAsTheKeysTheyAre() throws {
        let body = #"""
            [{"id":1,"nome":"a","empresa":true},
             {"id":2,"nomeX":"b","empresa":false},
             {"id":3,"nom":"c","empresa":true},
             {"id":4,"Nome":"d"},
             {"id":5,"n\u006fme":"e"},
             {"id":6,"nome" : "f"},
             {"id":7,"nome":"g"}]
            """#
        let nome = index("nome"), empresa = index("empresa")
        let rows = try Flattener(table: contatos, reading: [nome, empresa]).flattenPage(Array(body.utf8)).rows
        #expect(rows.map { $0[nome] } == [.text("a"), .null, .null, .text("d"), .text("e"), .text("f"), .text("g")])
        #expect(rows.map { $0[empresa] } == [.boolean(true), .boolean(false), .boolean(true), .null, .null, .null, .null])
    }

    @Test func theSameKeyUnderAnotherObjectIsNotTheRememberedOne() throws {
        // Both records list three keys; the second's third key is `nome` inside `responsavel`,
        // where the first record had its own `nome`.
        let body = #"""
            [{"id":1,"responsavel":null,"nome":"record"},
             {"id":2,"responsavel":{"nome":"owner"}}]
            """#
        let nome = index("nome"), owner = index("responsavel_nome")
        let rows = try Flattener(table: contatos, reading: [nome, owner]).flattenPage(Array(body.utf8)).rows
        #expect(rows.map { $0[nome] } == [.text("record"), .null])
        #expect(rows.map { $0[owner] } == [.null, .text("owner")])
    }

    @Test func aBodyCutInsideARepeatedKeyIsTruncated() {
        let body = Array(#"[{"id":1,"nome":"a"},{"id":2,"nome":"b"}]"#.utf8)
        let flattener = Flattener(table: contatos, reading: [index("nome")])
        let secondNome = body.indices.filter { body[$0...].starts(with: Array(#""nome""#.utf8)) }[1]
        for cut in secondNome...(secondNome + 6) {
            do {
                _ = try flattener.flattenPage(Array(body.prefix(cut)))
                Issue.record("accepted a body cut at byte \(cut)")
            } catch let error as JSONError {
                #expect(error.isTruncated, "cut at \(cut): \(error)")
            } catch {
                Issue.record("cut at \(cut): \(error)")
            }
        }
    }
}
