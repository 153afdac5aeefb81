extension TableDefinition {
    /// The top-level record keys the table's columns read, in column order, without repeats:
    /// what a listing may ask for with `attribute=` (nested objects come whole).
    /// Always starts with `id`, which the engine deduplicates records by; a child table adds its
    /// array's key, always. `columns` narrows it to those column names (all columns when nil).
    package func topLevelKeys(for columns: [String]? = nil) -> [String] {
        let wanted = columns.map { Set($0.map { $0.lowercased() }) }
        var keys = ["id"]
        // A child table's rows are its array's elements, so even `count(*)` needs the array.
        if case .arrayElements(_, let key) = origin { keys.append(key) }
        func add(_ key: String) {
            if !keys.contains(key) { keys.append(key) }
        }
        for column in self.columns where wanted?.contains(column.name) ?? true {
            switch (column.source, origin) {
            case (.parent(let path), _), (.field(let path), .records):
                if let first = path.first { add(first) }
            case (.field, .arrayElements(_, let key)):
                add(key)
            }
        }
        return keys
    }
}
