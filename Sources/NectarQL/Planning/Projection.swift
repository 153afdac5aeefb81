import NectarCatalog

/// Which top-level keys of a record a query needs, for `attribute=` (the API then sends only those).
enum Projection {
    /// Empty when every column of a table with one row per record is needed (no `attribute=` at
    /// all); a child table needs only its parent's id and array, so it always narrows. Where the API's camelCase
    /// differs from the seed's lower-case spelling, both are sent: the casing of some keys is
    /// undocumented, and a key the API does not know costs a few bytes, while a missed one
    /// would silently read as NULL.
    static func attributes(of table: TableDefinition, columns: Set<Int>) -> [String] {
        guard table.isChild || columns.count < table.columns.count else { return [] }
        var spellings: [String] = []
        for key in table.topLevelKeys(for: columns.sorted().map { table.columns[$0].name }) {
            for spelling in [key, key.lowercased()] where !spellings.contains(spelling) { spellings.append(spelling) }
        }
        return spellings
    }
}
