import Foundation

/// The account's custom fields as columns: each active definition related to a table that can
/// hold them becomes a column after that table's seed columns, in definition order. The seed's
/// catalog stays as it is; this builds the catalog one session uses.
extension Catalog {
    /// Which table each `relacionado` value extends (the API's spelling, compared ignoring case and accents).
    static let customFieldTables: [String: String] = [
        "contato": "contatos", "oportunidade": "oportunidades", "compromisso": "compromissos", "tarefa": "tarefas",
    ]

    /// This catalog with `definitions` as columns; dates are read as midnight in `timeZone`.
    package func addingCustomFields(_ definitions: [CustomFieldDefinition], timeZone: TimeZone) -> Catalog {
        let active = definitions.filter(\.isActive)
        return Catalog(tables: tables.map { table in
            let fields = active.filter { Self.tableName(related: $0.related) == table.name }
            guard !fields.isEmpty else { return table }
            let names = CustomColumnName.allocate(
                fields.map(\.name), fallbacks: fields.map(\.id), taken: Set(table.columns.map(\.name)))
            let columns = zip(fields, names).map { field, name in
                CustomFieldColumn(definition: field, rule: CustomFieldRule(type: field.type, timeZone: timeZone)).column(named: name)
            }
            return table.addingColumns(columns)
        })
    }

    /// The table a definition's `relacionado` names (`Contato`, `contatos`, `Oportunidade`…), if any.
    static func tableName(related: String) -> String? {
        var key = CustomColumnName.slug(related)
        if key.hasSuffix("s") { key.removeLast() }
        return customFieldTables[key]
    }

    /// Whether `table` can have custom columns at all.
    package static func takesCustomFields(_ table: TableDefinition) -> Bool {
        customFieldTables.values.contains(table.name)
    }
}

extension TableDefinition {
    func addingColumns(_ extra: [ColumnDefinition]) -> TableDefinition {
        TableDefinition(
            name: name, title: title, aliases: aliases, endpoint: endpoint, origin: origin, columns: columns + extra,
            relationships: relationships, childColumnsOfRecordsWithoutElements: childColumnsOfRecordsWithoutElements)
    }

    /// Custom dates are read in the session's zone, so pages flattened in another zone differ.
    var customDateZone: String? {
        for column in columns {
            if case .date(let zone)? = column.customField?.rule { return zone.identifier }
        }
        return nil
    }

    /// The custom columns, in order.
    package var customColumns: [ColumnDefinition] { columns.filter { $0.customField != nil } }
}
