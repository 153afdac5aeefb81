import NectarMock
import Testing

@Suite("Custom field definitions and values, hostile cases included")
struct CustomFieldTests {
    let data = sharedDataset
    typealias Fields = CustomFieldDefinitions

    @Test("the definitions answer on every documented path, page=-1 lists them all, pages page")
    func definitionsEndpoint() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            for path in ["campoPersonalizado/", "camposPersonalizados/", "customField/", "customFields/"] {
                let response = try await api.get(path + "?page=-1")
                #expect(response.status == 200, "\(path)")
                #expect(try response.json() == .array(Fields.all), "\(path)")
            }
            let firstPage = try await api.get("campoPersonalizado/?page=1&displayLength=5")
            #expect(try firstPage.json().elements?.count == 5)
            let lastPage = try await api.get("campoPersonalizado/?page=3&displayLength=5")
            #expect(try lastPage.json().elements == Array(Fields.all.suffix(5)))
            #expect(try await api.get("campoPersonalizado/", token: nil).status == 401)
        }
    }

    @Test("an account without custom fields answers 403 or 404")
    func refusals() async throws {
        try await MockHarness.run(customFields: .forbidden) { (api: MockHarness) async throws in
            #expect(try await api.get("campoPersonalizado/?page=-1").status == 403)
        }
        try await MockHarness.run(customFields: .missing) { (api: MockHarness) async throws in
            #expect(try await api.get("campoPersonalizado/?page=-1").status == 404)
        }
    }

    @Test("the definitions hold every hostile case")
    func hostileDefinitions() {
        let names = Fields.all.map(Fields.name)
        #expect(names.contains("Região") && names.contains("Regiao"), "two names that give one column")
        #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmoji && $0.value > 0x2000 } }, "an emoji")
        #expect(Fields.all.contains { $0["ativo"] == false }, "an inactive field")
        #expect(!names.contains(Fields.renamedLabel), "the old label has no definition")
        let related = Set(Fields.all.compactMap { $0["relacionado"]?.stringValue })
        #expect(related == ["Contato", "Oportunidade", "Compromisso", "Tarefa"])
    }

    @Test("records carry values in every shape a client must survive")
    func hostileValues() {
        let contacts = data.records(.contatos)
        let objects = contacts.map { $0["camposPersonalizados"] }
        #expect(objects.contains { $0 == Optional<MockJSON>.none }, "a record without the key")
        #expect(objects.contains { $0 == .null }, "a null")
        #expect(objects.contains { $0 == .object([]) }, "an empty object")
        let labels = Set(objects.compactMap { $0?.members }.flatMap { $0.map(\.key) })
        #expect(labels.contains("segmento_atuacao"), "a value filed under the alias")
        #expect(labels.contains(Fields.renamedLabel), "a value under a label that no longer has a definition")
        #expect(labels.contains("Campo antigo"), "a value of an inactive field")
        let amounts = data.records(.oportunidades).compactMap { $0["camposPersonalizados"]?[Fields.name(Fields.valorDoContrato)] }
        #expect(amounts.contains { $0.stringValue?.contains(",") == true }, "Brazilian form")
        #expect(amounts.contains { $0.stringValue.map { $0.contains(".") && !$0.contains(",") } == true }, "plain form")
        #expect(amounts.contains("a combinar"), "an unparsable value")
        let codes = data.records(.compromissos).compactMap { $0["camposPersonalizados"]?[Fields.name(Fields.codigoERP)] }
        #expect(codes.isEmpty, "a field defined but absent from every record")
    }

    @Test("custom values are served whole or projected with attribute=camposPersonalizados")
    func projection() async throws {
        try await MockHarness.run { (api: MockHarness) async throws in
            let response = try await api.get("contatos/?page=1&displayLength=10&attribute=id&attribute=camposPersonalizados")
            let records = try #require(try response.json().elements)
            #expect(records.allSatisfy { Set(($0.members ?? []).map(\.key)).isSubset(of: ["id", "camposPersonalizados"]) })
            #expect(records.contains { $0["camposPersonalizados"]?.members?.isEmpty == false })
        }
    }
}
