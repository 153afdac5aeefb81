import NectarCatalog

/// `show tables` and `describe`: answers from the catalog, with no request.
enum SchemaResults {
    static func tables(_ catalog: Catalog) -> QueryResult {
        let columns = [
            ResultColumn(name: "name", type: .text), ResultColumn(name: "endpoint", type: .text),
            ResultColumn(name: "parent", type: .text), ResultColumn(name: "columns", type: .float),
            ResultColumn(name: "title", type: .text),
        ]
        let rows: [[Value]] = catalog.tables.map { table in
            var parent = Value.null
            if case .arrayElements(let name, _) = table.origin { parent = .text(name) }
            return [.text(table.name), .text(table.endpoint.path), parent, .float(Double(table.columns.count)), .text(table.title)]
        }
        return QueryResult(columns: columns, rows: rows)
    }

    /// One row per column: name, type, and for a custom field the label the account gave it
    /// (NULL for the seed's columns). `notice` says why a table has no custom columns.
    static func describe(_ table: TableDefinition, notice: String? = nil) -> QueryResult {
        let columns = [
            ResultColumn(name: "column", type: .text), ResultColumn(name: "type", type: .text),
            ResultColumn(name: "label", type: .text),
        ]
        let rows: [[Value]] = table.columns.map { column in
            [.text(column.name), .text(column.type.rawValue), column.customField.map { Value.text($0.label) } ?? Value.null]
        }
        var result = QueryResult(columns: columns, rows: rows)
        result.notice = notice
        return result
    }
}
