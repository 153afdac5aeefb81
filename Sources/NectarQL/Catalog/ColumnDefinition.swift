/// Where a column's value is found in the API's JSON.
package enum ColumnSource: Sendable, Hashable {
    /// A path of keys into the row's own object: the record, or for a child table the array element.
    /// Keys are the API's camelCase names; matching is case-insensitive, as the seed's names are lower-case.
    case field([String])
    /// A path of keys into the parent record (a child table's parent id).
    case parent([String])
}

/// One column of a table: the seed's, or one of the account's custom fields.
package struct ColumnDefinition: Sendable, Hashable {
    package let name: String
    package let type: SQLType
    package let source: ColumnSource
    /// The seed's Portuguese description, when it has one.
    package let summary: String?
    /// For a custom field's column: its definition and how values are read (nil for the seed's columns).
    package let customField: CustomFieldColumn?

    package init(
        _ name: String, _ type: SQLType, _ source: ColumnSource, summary: String? = nil, customField: CustomFieldColumn? = nil
    ) {
        self.name = name
        self.type = type
        self.source = source
        self.summary = summary
        self.customField = customField
    }
}
