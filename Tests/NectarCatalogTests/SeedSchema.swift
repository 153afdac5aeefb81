import Foundation
@testable import NectarCatalog

/// The seed file (`nectarcrm-kondado-schema.txt`) read as data: sections of columns.
struct SeedSchema {
    struct Column: Equatable {
        var name: String
        var type: String
        var description: String?
        /// The referenced table's section title, from a `    Contatos > > id` line.
        var references: (title: String, column: String)?

        static func == (lhs: Column, rhs: Column) -> Bool {
            lhs.name == rhs.name && lhs.type == rhs.type && lhs.description == rhs.description
                && lhs.references?.title == rhs.references?.title && lhs.references?.column == rhs.references?.column
        }
    }

    struct Section {
        var title: String
        var columns: [Column]
    }

    var sections: [Section]

    static func load() throws -> SeedSchema {
        guard let url = Bundle.module.url(forResource: "nectarcrm-kondado-schema", withExtension: "txt", subdirectory: "Fixtures")
        else { throw CocoaError(.fileNoSuchFile) }
        return SeedSchema(text: try String(contentsOf: url, encoding: .utf8))
    }

    /// A section is a title, an optional "Objeto principal", "Campo Tipo", then columns:
    /// a name, a type, an optional `[pt] …` description, an optional `    X > > id` line.
    init(text: String) {
        let lines = text.split(whereSeparator: \.isNewline)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let types = Set(SQLType.allCases.map(\.rawValue))
        var sections: [Section] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "Campo Tipo" else { index += 1; continue }
            var titleIndex = index - 1
            if lines[titleIndex] == "Objeto principal" { titleIndex -= 1 }
            var section = Section(title: lines[titleIndex], columns: [])
            index += 1
            while index < lines.count {
                let line = lines[index]
                if index + 1 < lines.count, types.contains(lines[index + 1]) {
                    section.columns.append(Column(name: line, type: lines[index + 1]))
                    index += 2
                } else if line.hasPrefix("[pt]"), !section.columns.isEmpty {
                    section.columns[section.columns.count - 1].description =
                        String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces)
                    index += 1
                } else if line.contains("> >"), !section.columns.isEmpty {
                    let parts = line.components(separatedBy: "> >").map { $0.trimmingCharacters(in: .whitespaces) }
                    section.columns[section.columns.count - 1].references = (parts[0], parts[1])
                    index += 1
                } else {
                    break
                }
            }
            sections.append(section)
        }
        self.sections = sections
    }
}

/// Every way a catalog table differs from its seed section, as readable lines (empty = identical).
func differences(seed: SeedSchema.Section, table: TableDefinition, catalog: Catalog) -> [String] {
    var found: [String] = []
    let seedNames = seed.columns.map(\.name)
    let tableNames = table.columns.map(\.name)
    for name in seedNames where !tableNames.contains(name) { found.append("\(table.name): missing column \(name)") }
    for name in tableNames where !seedNames.contains(name) { found.append("\(table.name): extra column \(name)") }
    if found.isEmpty, seedNames != tableNames { found.append("\(table.name): columns out of the seed's order") }
    for (seedColumn, column) in zip(seed.columns, table.columns) where seedColumn.name == column.name {
        if seedColumn.type != column.type.rawValue {
            found.append("\(table.name).\(column.name): type \(column.type), seed says \(seedColumn.type)")
        }
        if seedColumn.description != column.summary {
            found.append("\(table.name).\(column.name): summary \(column.summary ?? "nil"), seed says \(seedColumn.description ?? "nil")")
        }
        if let reference = seedColumn.references {
            let target = catalog.tables.first { $0.title == reference.title }?.name
            let declared = table.relationships.contains {
                $0.column == column.name && $0.referencedTable == target && $0.referencedColumn == reference.column
            }
            if !declared { found.append("\(table.name).\(column.name): missing relationship to \(reference.title).\(reference.column)") }
        }
    }
    return found
}
