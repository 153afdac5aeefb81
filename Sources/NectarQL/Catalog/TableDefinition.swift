/// How a table's rows arise from an endpoint's records.
package enum RowOrigin: Sendable, Hashable {
    /// One row per record of the endpoint.
    case records
    /// One row per element of the parent record's array under `key` (child tables).
    case arrayElements(parent: String, key: String)
}

/// One of the seed's tables, as data: the planner and flattener read it, nothing switches on names.
package struct TableDefinition: Sendable, Hashable {
    package let name: String
    /// Other names accepted in queries (the seed's `nectarcrm_…` names).
    package let aliases: [String]
    package let endpoint: Endpoint
    package let origin: RowOrigin
    package let columns: [ColumnDefinition]
    package let relationships: [Relationship]
    /// The seed's section title, e.g. "Oportunidades: produtos".
    package let title: String
    /// For a parent left-joined to its child table, read once: a record whose array is empty or
    /// missing still gives one row, in which these columns (the child table's, its copy of the
    /// parent id included) stay NULL. Nil: such a record gives no row.
    package let childColumnsOfRecordsWithoutElements: Range<Int>?

    package var keepsRecordsWithoutElements: Bool { childColumnsOfRecordsWithoutElements != nil }

    package init(
        name: String, title: String, aliases: [String] = [], endpoint: Endpoint, origin: RowOrigin = .records,
        columns: [ColumnDefinition], relationships: [Relationship] = [],
        childColumnsOfRecordsWithoutElements: Range<Int>? = nil
    ) {
        self.name = name
        self.title = title
        self.aliases = aliases
        self.endpoint = endpoint
        self.origin = origin
        self.columns = columns
        self.relationships = relationships
        self.childColumnsOfRecordsWithoutElements = childColumnsOfRecordsWithoutElements
    }

    package func columnIndex(_ name: String) -> Int? {
        let lowered = name.lowercased()
        return columns.firstIndex { $0.name == lowered }
    }

    package func column(_ name: String) -> ColumnDefinition? {
        columnIndex(name).map { columns[$0] }
    }

    package var isChild: Bool {
        if case .arrayElements = origin { return true }
        return false
    }
}
