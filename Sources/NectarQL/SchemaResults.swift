import NectarCatalog

/// `show tables` and `describe`: answers from the catalog, with no request.
enum SchemaResults {
    static func tables(_ catalog: Catalog) -> QueryResult {
        let columns = [
            ResultColumn(name: "name", type: .text), ResultColumn(name: "endpoint", type: .text),
            ResultColumn(name: "parent", type: .text), ResultColumn(name: "columns", type: .float),
        ]
        let rows: [[Value]] = catalog.tables.map { table in
            var parent = Value.null
            if case .arrayElements(let name, _) = table.origin { parent = .text(name) }
            return [.text(table.name), .text(table.endpoint.path), parent, .float(Double(table.columns.count))]
        }
        return QueryResult(columns: columns, rows: rows)
    }

    static func describe(_ table: TableDefinition) -> QueryResult {
        let columns = [ResultColumn(name: "column", type: .text), ResultColumn(name: "type", type: .text)]
        return QueryResult(columns: columns, rows: table.columns.map { [.text($0.name), .text($0.type.rawValue)] })
    }
}
