/// The `tipo` of a custom field definition (nectar-api.md lists the codes) and the column type
/// it gives: numbers, money and fractions are floats, dates timestamps, yes/no fields booleans,
/// and every other kind (text, lists, radio, URL, CNAE, a linked contact) text.
package enum CustomFieldKind: Int, Sendable, Hashable, CaseIterable {
    case number = 0, text = 1, date = 2, currency = 3, boolean = 4, optionList = 5, longText = 6, radio = 7
    case url = 8, contact = 9, cnae = 10, checkbox = 11, fraction = 12

    package var sqlType: SQLType {
        switch self {
        case .number, .currency, .fraction: .float
        case .date: .timestamp
        case .boolean, .checkbox: .boolean
        case .text, .optionList, .longText, .radio, .url, .contact, .cnae: .text
        }
    }

    /// The name NectarCRM shows for the kind, as `describe` prints it.
    package var displayName: String {
        switch self {
        case .number: "Número"
        case .text, .longText: "Texto"
        case .date: "Data"
        case .currency: "Moeda"
        case .boolean: "Booleano"
        case .optionList: "Lista de opções"
        case .radio: "Radio"
        case .url: "URL"
        case .contact: "Contato"
        case .cnae: "CNAE"
        case .checkbox: "Checkbox"
        case .fraction: "Fracionário"
        }
    }

    /// A `tipo` as the API may send it: the documented code, the code as text, or the kind's
    /// name (any case, accents optional). Nil for anything else; the field is then read as text.
    package init?(tipo: String) {
        let trimmed = tipo.trimmingSpaces
        if let code = Int(trimmed) {
            self.init(rawValue: code)
            return
        }
        let wanted = CustomColumnName.slug(trimmed)
        guard let kind = Self.allCases.first(where: { CustomColumnName.slug($0.displayName) == wanted }) else { return nil }
        self = kind
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (what custom values are padded
    /// with; `trim()` in a query strips every Unicode space, see Semantics).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
