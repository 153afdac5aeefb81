import Foundation
import NectarMock
import Testing

/// Every column of the seed's 16 tables must be produced, non-null, by some generated record:
/// a column the fake never fills is a column the engine's tests never exercise.
@Suite("Seed coverage")
struct SeedCoverageTests {
    /// How each seed table arises from an endpoint: its records, or the elements of one of their arrays.
    struct TableSource {
        let endpoint: MockEndpoint
        let array: String?
        /// Whether element leaves carry the array name as a prefix (`enderecos_cep`).
        let prefixed: Bool
        /// The column holding the parent's id, which comes from the parent record rather than the element.
        let parentColumn: String?
    }

    static let sources: [String: TableSource] = [
        "Compromissos": .init(endpoint: .compromissos, array: nil, prefixed: false, parentColumn: nil),
        "nectarcrm_compromissos_participantes": .init(endpoint: .compromissos, array: "participantes", prefixed: true, parentColumn: "compromisso_id"),
        "Contatos": .init(endpoint: .contatos, array: nil, prefixed: false, parentColumn: nil),
        "nectarcrm_contatos_contatos": .init(endpoint: .contatos, array: "contatos", prefixed: true, parentColumn: "contato_id"),
        "nectarcrm_contatos_enderecos": .init(endpoint: .contatos, array: "enderecos", prefixed: true, parentColumn: "contato_id"),
        "nectarcrm_contatos_contatospai": .init(endpoint: .contatos, array: "contatosPai", prefixed: true, parentColumn: "contato_id"),
        "nectarcrm_contatos_empresasatuais": .init(endpoint: .contatos, array: "empresasAtuais", prefixed: true, parentColumn: "contato_id"),
        "Oportunidades": .init(endpoint: .oportunidades, array: nil, prefixed: false, parentColumn: nil),
        "Oportunidades: produtos": .init(endpoint: .oportunidades, array: "produtos", prefixed: false, parentColumn: "id_oportunidade"),
        "Oportunidades: propostas": .init(endpoint: .proposta, array: nil, prefixed: false, parentColumn: nil),
        "Pipelines (Funis de venda)": .init(endpoint: .pipeline, array: nil, prefixed: false, parentColumn: nil),
        "nectarcrm_pipelines_sequencias": .init(endpoint: .pipeline, array: "sequencias", prefixed: true, parentColumn: "pipeline_id"),
        "Produtos": .init(endpoint: .produto, array: nil, prefixed: false, parentColumn: nil),
        "nectarcrm_produtos_produtos": .init(endpoint: .produto, array: "produtos", prefixed: true, parentColumn: "produto_dependente_id"),
        "Qualificações": .init(endpoint: .qualificacoes, array: nil, prefixed: false, parentColumn: nil),
        "Tarefas": .init(endpoint: .tarefas, array: nil, prefixed: false, parentColumn: nil),
    ]

    @Test("every column of every seed table is non-null in some generated record")
    func everySeedColumnIsFilled() throws {
        let tables = try SeedSchema.load()
        #expect(tables.count == 16)
        #expect(tables.reduce(0) { $0 + $1.1.count } == 377, "the seed's column count")
        for (title, columns) in tables {
            let source = try #require(Self.sources[title], "no source for seed table \(title)")
            let filled = Self.filledColumns(source)
            for column in columns where column != source.parentColumn {
                #expect(filled.contains(column), "\(title).\(column) is never filled")
            }
        }
    }

    @Test("parent ids of child tables come from records that have elements in that array")
    func childTablesHaveRows() {
        for source in Self.sources.values {
            guard let array = source.array else { continue }
            let rows = sharedDataset.records(source.endpoint).reduce(0) { $0 + ($1[array]?.elements?.count ?? 0) }
            #expect(rows > 0, "\(source.endpoint).\(array) is always empty")
        }
    }

    /// Seed-style names (lower-cased, `_`-joined) of every leaf that is non-null somewhere.
    static func filledColumns(_ source: TableSource) -> Set<String> {
        var names: Set<String> = []
        for record in sharedDataset.records(source.endpoint) {
            let rows = source.array.map { record[$0]?.elements ?? [] } ?? [record]
            let prefix = source.prefixed ? source.array!.lowercased() : ""
            for row in rows { collectLeaves(row, prefix, into: &names) }
        }
        return names
    }

    static func collectLeaves(_ value: MockJSON, _ name: String, into names: inout Set<String>) {
        switch value {
        case .object(let members):
            for member in members {
                collectLeaves(member.value, name.isEmpty ? member.key.lowercased() : name + "_" + member.key.lowercased(), into: &names)
            }
        case .array(let elements):
            // Arrays of objects are child tables; arrays of strings are one text column.
            if !elements.isEmpty, !elements.contains(where: { $0.members != nil }) { names.insert(name) }
        case .null:
            break
        default:
            names.insert(name)
        }
    }
}

/// The seed file, as table title → column names. The fixture is the catalog tests' copy,
/// so this test runs where `/work/shared` does not exist.
enum SeedSchema {
    static let types: Set<String> = ["float", "text", "boolean", "timestamp"]

    static func load(filePath: String = #filePath) throws -> [(String, [String])] {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("../NectarCatalogTests/Fixtures/nectarcrm-kondado-schema.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var tables: [(String, [String])] = []
        for (index, line) in lines.enumerated() where line == "Campo Tipo" {
            var titleIndex = index - 1
            if lines[titleIndex] == "Objeto principal" { titleIndex -= 1 }
            tables.append((lines[titleIndex], []))
            var cursor = index + 1
            while cursor + 1 < lines.count, lines[cursor] != "Campo Tipo" {
                if types.contains(lines[cursor + 1]), lines[cursor].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) {
                    tables[tables.count - 1].1.append(lines[cursor])
                    cursor += 2
                } else {
                    cursor += 1
                }
            }
        }
        return tables
    }
}
