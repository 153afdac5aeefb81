import Foundation

/// The seed file's tables and columns, read independently of the engine's catalog so the
/// tests check the shell against the contract, not against itself.
enum SeedSchema {
    static let types: Set<String> = ["float", "text", "boolean", "timestamp"]

    /// Section title → its (column, type) pairs, in the seed's order.
    static let sections: [(title: String, columns: [(name: String, type: String)])] = parse()

    static func columns(ofSection title: String) -> [(name: String, type: String)] {
        sections.first { $0.title == title }?.columns ?? []
    }

    private static func parse() -> [(title: String, columns: [(name: String, type: String)])] {
        let url = ShellBinary.packageRoot.appendingPathComponent("Tests/NectarCatalogTests/Fixtures/nectarcrm-kondado-schema.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var sections: [(title: String, columns: [(name: String, type: String)])] = []
        for (index, line) in lines.enumerated() {
            if line == "Campo Tipo" {
                var title = lines[index - 1]
                if title == "Objeto principal" { title = lines[index - 2] }
                sections.append((title, []))
            } else if !sections.isEmpty, types.contains(line), index > 0, lines[index - 1] != "Campo Tipo" {
                sections[sections.count - 1].columns.append((lines[index - 1], line))
            }
        }
        return sections
    }
}
