import Foundation
import Testing
import NectarCatalog

/// Custom values in records: read by name or alias, typed, NULL when absent, counted when unreadable
/// or filed under a label no column reads.
@Suite struct CustomFieldFlatteningTests {
    private let table: TableDefinition = {
        let definitions = [
            CustomFieldDefinition(id: "1", name: "Segmento de atuação", alias: "segmento_atuacao", kind: .optionList, related: "Contato"),
            CustomFieldDefinition(id: "2", name: "Área útil", kind: .number, related: "Contato"),
            CustomFieldDefinition(id: "3", name: "Renovação", kind: .date, related: "Contato"),
            CustomFieldDefinition(id: "4", name: "VIP", kind: .boolean, related: "Contato"),
            CustomFieldDefinition(id: "5", name: "Campo antigo", kind: .text, related: "Contato", isActive: false),
        ]
        let catalog = Catalog.nectarCRM.addingCustomFields(definitions, timeZone: TimeZone(identifier: "America/Sao_Paulo")!)
        return catalog.table(named: "contatos")!
    }()

    @Test func valuesAreReadByNameOrAliasAndTyped() throws {
        let result = try Flattened(table, page: #"""
        [{"id": 1, "camposPersonalizados": {"Segmento de atuação": "Varejo", "Área útil": "1.234,56",
          "Renovação": "05/03/2024", "VIP": "sim"}},
         {"id": 2, "camposPersonalizados": {"segmento_atuacao": "Indústria", "Área útil": 12, "Renovação": "2024-03-05", "VIP": false}}]
        """#)
        #expect(result.cell(0, "campo_segmento_de_atuacao") == .text("Varejo"))
        #expect(result.cell(0, "campo_area_util") == .float(1234.56))
        #expect(result.cell(0, "campo_renovacao") == .timestamp(1_709_607_600_000))
        #expect(result.cell(0, "campo_vip") == .boolean(true))
        #expect(result.cell(1, "campo_segmento_de_atuacao") == .text("Indústria"), "filed under the alias")
        #expect(result.cell(1, "campo_area_util") == .float(12))
        #expect(result.cell(1, "campo_renovacao") == .timestamp(1_709_607_600_000))
        #expect(result.cell(1, "campo_vip") == .boolean(false))
        #expect(result.page.coercionFailures == 0)
        #expect(result.page.ignoredCustomValues == 0)
        #expect(result.table.column("campo_campo_antigo") == nil, "inactive fields are no columns")
    }

    @Test func labelsAreMatchedExactlyButForAsciiCase() throws {
        let result = try Flattened(table, page: #"[{"id": 1, "camposPersonalizados": {"área útil": "3", "Área útil": "4"}}]"#)
        #expect(result.cell(0, "campo_area_util") == .float(4))
        #expect(result.page.ignoredCustomValues == 1, "a non-ASCII letter in another case is another label")
    }

    @Test func absentNullAndEmptyObjectsGiveNullWithoutComplaint() throws {
        let result = try Flattened(table, page: #"""
        [{"id": 1}, {"id": 2, "camposPersonalizados": null}, {"id": 3, "camposPersonalizados": {}},
         {"id": 4, "camposPersonalizados": {"Área útil": null, "Renovação": "", "VIP": " "}}]
        """#)
        for row in 0..<4 {
            #expect(result.table.customColumns.allSatisfy { result.cell(row, $0.name) == .null }, "row \(row)")
        }
        #expect(result.page.coercionFailures == 0)
    }

    @Test func unreadableValuesAreNullAndCounted() throws {
        let result = try Flattened(table, page: #"""
        [{"id": 1, "camposPersonalizados": {"Área útil": "a combinar", "Renovação": "ontem", "VIP": "talvez",
          "Segmento de atuação": ["Varejo", "Serviços"]}},
         {"id": 2, "camposPersonalizados": {"Área útil": "1.500"}}]
        """#)
        #expect(result.cell(0, "campo_area_util") == .null)
        #expect(result.cell(0, "campo_renovacao") == .null)
        #expect(result.cell(0, "campo_vip") == .null)
        #expect(result.cell(0, "campo_segmento_de_atuacao") == .text(#"["Varejo","Serviços"]"#))
        #expect(result.cell(1, "campo_area_util") == .null, "1.500 could be 1500 or 1.5")
        #expect(result.page.coercionFailures == 4)
    }

    @Test func valuesUnderLabelsWithoutAColumnAreIgnoredAndCounted() throws {
        let result = try Flattened(table, page: #"""
        [{"id": 1, "camposPersonalizados": {"Origem do contato": "Site", "Campo antigo": "legado", "VIP": "1"}},
         {"id": 2, "camposPersonalizados": {"Origem do contato": {"nested": true}}}]
        """#)
        #expect(result.cell(0, "campo_vip") == .boolean(true))
        #expect(result.page.ignoredCustomValues == 3)
        #expect(result.page.coercionFailures == 0)
    }

    @Test func aParentReadWithItsChildTableKeepsItsCustomColumns() throws {
        let enderecos = Catalog.nectarCRM.table(named: "contatos_enderecos")!
        let shared = try #require(TableDefinition.sharedRecords(table, enderecos, keepingRecordsWithoutElements: true))
        let result = try Flattened(shared, page: #"""
        [{"id": 1, "camposPersonalizados": {"segmento_atuacao": "Varejo", "Área útil": "2,5", "Outro": 1},
          "enderecos": [{"cep": "01000-000"}, {"cep": "02000-000"}]}]
        """#)
        #expect(result.rows.count == 2)
        #expect(result.cell(1, "campo_segmento_de_atuacao") == .text("Varejo"))
        #expect(result.cell(1, "campo_area_util") == .float(2.5))
        #expect(result.page.ignoredCustomValues == 1)
    }

    @Test func aChildlessParentInASharedLeftJoinKeepsItsCustomColumns() throws {
        let enderecos = Catalog.nectarCRM.table(named: "contatos_enderecos")!
        let shared = try #require(TableDefinition.sharedRecords(table, enderecos, keepingRecordsWithoutElements: true))
        let result = try Flattened(shared, page: #"[{"id": 1, "camposPersonalizados": {"VIP": "sim"}, "enderecos": []}]"#)
        #expect(result.rows.count == 1)
        #expect(result.cell(0, "campo_vip") == .boolean(true))
        #expect(result.cell(0, "contato_id") == .null, "the child's columns stay NULL")
    }

    /// Custom values beside the seed's keys, for flatteners reading a few columns.
    private let subsetBody = Array(#"""
        [{"id": 1, "nome": "Ana", "camposPersonalizados": {"VIP": "sim", "Área útil": "1.500", "Campo antigo": "x"}},
         {"id": 2, "nome": "Bia", "camposPersonalizados": {"Origem do contato": {"nested": true}, "Renovação": "ontem"}}]
        """#.utf8)

    @Test func aFlattenerReadingOneCustomColumnCountsOnlyLabelsWithoutAColumn() throws {
        let vip = table.columnIndex("campo_vip")!
        let page = try Flattener(table: table, reading: [vip]).flattenPage(subsetBody)
        #expect(page.rows.map { $0[vip] } == [.boolean(true), .null])
        #expect(page.rows[0][table.columnIndex("campo_area_util")!] == .null, "a custom column not read stays NULL")
        #expect(page.ignoredCustomValues == 2, "Campo antigo and Origem do contato; Área útil and Renovação are known")
        #expect(page.coercionFailures == 0, "values of custom columns not read are not judged")
    }

    @Test func aFlattenerReadingNoCustomColumnStepsOverTheValuesObject() throws {
        let nome = table.columnIndex("nome")!
        let page = try Flattener(table: table, reading: [nome]).flattenPage(subsetBody)
        #expect(page.rows.map { $0[nome] } == [.text("Ana"), .text("Bia")])
        #expect(table.customColumns.allSatisfy { column in page.rows.allSatisfy { $0[table.columnIndex(column.name)!] == .null } })
        #expect(page.ignoredCustomValues == 0)
        #expect(page.coercionFailures == 0)
    }

    @Test func aListingAsksForTheCustomValuesObject() {
        #expect(table.topLevelKeys(for: ["nome", "campo_vip"]) == ["id", "nome", "camposPersonalizados"])
    }
}
