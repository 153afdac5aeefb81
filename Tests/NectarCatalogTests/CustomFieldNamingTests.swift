import Foundation
import Testing
import NectarCatalog

/// How definitions become columns: names, types, which tables, which definitions.
@Suite struct CustomFieldNamingTests {
    private let zone = TimeZone(identifier: "America/Sao_Paulo")!

    private func definition(_ id: Int, _ name: String, tipo: Int = 1, _ related: String = "Contato", active: Bool = true) -> CustomFieldDefinition {
        CustomFieldDefinition(id: String(id), name: name, kind: CustomFieldKind(rawValue: tipo), related: related, isActive: active)
    }

    @Test func namesAreLowerCasedWithoutAccentsAndRunsOfOtherCharactersBecomeOneUnderscore() {
        #expect(CustomColumnName.slug("Segmento de atuação") == "segmento_de_atuacao")
        #expect(CustomColumnName.slug("Área 🚀 de expansão (nº)") == "area_de_expansao_n")
        #expect(CustomColumnName.slug("  Contrato assinado?  ") == "contrato_assinado")
        #expect(CustomColumnName.slug("Probabilidade (%)") == "probabilidade")
        #expect(CustomColumnName.slug("CNPJ/CPF do Sócio 2") == "cnpj_cpf_do_socio_2")
        #expect(CustomColumnName.slug("🚀🚀") == "")
    }

    @Test func namesThatGiveTheSameColumnGetNumberedInDefinitionOrder() {
        let names = CustomColumnName.allocate(
            ["Região", "Regiao", "REGIÃO!", "🚀", "Outro"], fallbacks: ["1", "2", "3", "44", "5"], taken: ["id"])
        #expect(names == ["campo_regiao", "campo_regiao_2", "campo_regiao_3", "campo_44", "campo_outro"])
    }

    @Test func activeFieldsOfTheFourTablesFollowTheSeedColumnsInDefinitionOrder() throws {
        let catalog = Catalog.nectarCRM.addingCustomFields([
            definition(1, "Segmento de atuação", tipo: 5),
            definition(2, "Valor do contrato", tipo: 3, "Oportunidade"),
            definition(3, "Campo antigo", active: false),
            definition(4, "Região"),
            definition(5, "Código ERP", "Compromisso"),
            definition(6, "Prioridade", tipo: 7, "Tarefa"),
            definition(7, "Sem tabela", "Empresa"),
        ], timeZone: zone)
        let contatos = try #require(catalog.table(named: "contatos"))
        let seed = try #require(Catalog.nectarCRM.table(named: "contatos"))
        #expect(Array(contatos.columns.prefix(seed.columns.count)) == seed.columns)
        #expect(contatos.columns.dropFirst(seed.columns.count).map(\.name) == ["campo_segmento_de_atuacao", "campo_regiao"])
        #expect(catalog.table(named: "oportunidades")?.customColumns.map(\.name) == ["campo_valor_do_contrato"])
        #expect(catalog.table(named: "compromissos")?.customColumns.map(\.name) == ["campo_codigo_erp"])
        #expect(catalog.table(named: "tarefas")?.customColumns.map(\.name) == ["campo_prioridade"])
        #expect(catalog.table(named: "contatos_enderecos")?.customColumns.isEmpty == true)
        #expect(catalog.tables.map(\.name) == Catalog.nectarCRM.tables.map(\.name))
        #expect(contatos.column("campo_segmento_de_atuacao")?.customField?.label == "Segmento de atuação (Lista de opções)")
    }

    @Test func typesFollowTheDefinitionsKind() {
        let expected: [Int: SQLType] = [
            0: .float, 1: .text, 2: .timestamp, 3: .float, 4: .boolean, 5: .text, 6: .text, 7: .text, 8: .text, 9: .text,
            10: .text, 11: .boolean, 12: .float, 99: .text,
        ]
        for (tipo, type) in expected {
            #expect(definition(1, "x", tipo: tipo).type == type, "tipo \(tipo)")
        }
    }

    @Test func kindsAreReadAsCodesCodeTextOrNames() {
        #expect(CustomFieldKind(tipo: "3") == .currency)
        #expect(CustomFieldKind(tipo: "fracionario") == .fraction)
        #expect(CustomFieldKind(tipo: "Número") == .number)
        #expect(CustomFieldKind(tipo: "Checkbox") == .checkbox)
        #expect(CustomFieldKind(tipo: "desconhecido") == nil)
    }

    @Test func definitionsDecodeLooselyTypedFieldsAndSkipNamelessOnes() throws {
        let body = #"""
        [{"id": 7, "nome": "Segmento", "alias": "seg", "tipo": "5", "relacionado": "Contato", "ativo": true,
          "secao": {"id": 1, "ativo": true, "nome": "Geral"}},
         {"id": "8", "nome": "Velho", "tipo": 1, "relacionado": "Contato", "ativo": "false"},
         {"id": 9, "nome": "Em seção desligada", "tipo": 1, "relacionado": "Tarefa", "secao": {"ativo": false}},
         {"id": 10, "tipo": 1, "relacionado": "Contato"},
         {"id": 11, "nome": "Sem flag", "tipo": 0, "relacionado": "Oportunidade"}]
        """#
        let definitions = try #require(try CustomFieldDefinition.decodeList(Array(body.utf8)))
        #expect(definitions.map(\.name) == ["Segmento", "Velho", "Em seção desligada", "Sem flag"])
        #expect(definitions.map(\.isActive) == [true, false, false, true])
        #expect(definitions[0].recordKeys == ["Segmento", "seg"])
        #expect(definitions[0].kind == .optionList)
        #expect(definitions[1].id == "8")
        #expect(try CustomFieldDefinition.decodeList(Array(#"{"status": 403}"#.utf8)) == nil)
    }
}
