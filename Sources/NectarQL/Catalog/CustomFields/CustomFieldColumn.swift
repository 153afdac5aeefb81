/// What makes a column a custom field's: the definition it comes from (its label, kind and the
/// keys records file it under) and how its values are read.
package struct CustomFieldColumn: Sendable, Hashable {
    /// The record key holding the object of custom values, label → value.
    package static let recordKey = "camposPersonalizados"

    package let definition: CustomFieldDefinition
    package let rule: CustomFieldRule

    package init(definition: CustomFieldDefinition, rule: CustomFieldRule) {
        self.definition = definition
        self.rule = rule
    }

    /// The field's label as the account named it, with its kind: `Segmento de atuação (Lista de opções)`.
    package var label: String {
        "\(definition.name) (\(definition.kind?.displayName ?? "tipo desconhecido"))"
    }

    /// The column: read from `camposPersonalizados` → the field's name (or its alias, see `recordKeys`).
    func column(named name: String) -> ColumnDefinition {
        ColumnDefinition(
            name, definition.type, .field([Self.recordKey, definition.name]), summary: definition.name, customField: self)
    }
}
