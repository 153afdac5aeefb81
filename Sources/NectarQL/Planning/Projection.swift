import NectarCatalog

/// Which top-level keys of a record a query needs, for `attribute=` (the API then sends only those).
enum Projection {
    /// Empty when every column is needed (no `attribute=` at all). The record's `id` is always
    /// asked for, since scans deduplicate by it. Where the API's camelCase differs from the seed's
    /// lower-case spelling, both are sent: the casing of some keys is undocumented, and a key the
    /// API does not know only costs a few bytes, while a missed one would silently read as NULL.
    static func attributes(of table: TableDefinition, columns: Set<Int>) -> [String] {
        guard columns.count < table.columns.count else { return [] }
        var keys: [String] = ["id"]
        func add(_ key: String) {
            for spelling in [key, key.lowercased()] where !keys.contains(spelling) { keys.append(spelling) }
        }
        if case .arrayElements(_, let arrayKey) = table.origin {
            add(arrayKey)
            for index in columns.sorted() {
                if case .parent(let path) = table.columns[index].source, let first = path.first { add(first) }
            }
            return keys
        }
        for index in columns.sorted() {
            if case .field(let path) = table.columns[index].source, let first = path.first { add(first) }
        }
        return keys
    }
}
