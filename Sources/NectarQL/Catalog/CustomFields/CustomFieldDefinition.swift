/// One entry of `GET campoPersonalizado/`: a field the account defined for one kind of record.
package struct CustomFieldDefinition: Sendable, Hashable {
    package let id: String
    /// The field's name, e.g. `Segmento de atuação`: a key records use for its value.
    package let name: String
    /// Another key records may use for the value (the docs leave open which one they use).
    package let alias: String?
    /// Nil for a `tipo` the docs do not list: such a field is read as text.
    package let kind: CustomFieldKind?
    /// `Contato`, `Oportunidade`, `Compromisso` or `Tarefa`, as the API wrote it.
    package let related: String
    /// False when the field, or the section it sits in, is switched off.
    package let isActive: Bool

    package init(id: String, name: String, alias: String? = nil, kind: CustomFieldKind?, related: String, isActive: Bool = true) {
        self.id = id
        self.name = name
        self.alias = alias
        self.kind = kind
        self.related = related
        self.isActive = isActive
    }

    /// The column type the field gives.
    package var type: SQLType { kind?.sqlType ?? .text }

    /// The keys a record may file the value under: the name, then the alias when it differs.
    package var recordKeys: [String] {
        guard let alias, !alias.isEmpty, alias != name else { return [name] }
        return [name, alias]
    }
}

extension CustomFieldDefinition {
    /// Reads a definitions body: a JSON array of definition objects. Entries without a name are
    /// skipped; values the docs type loosely (ids and codes as numbers or text, flags as
    /// booleans, `"true"` or 0/1) are read either way. Nil when the body is not an array.
    package static func decodeList(_ body: [UInt8]) throws -> [CustomFieldDefinition]? {
        guard case .array(let elements) = try JSONNode.parse(body) else { return nil }
        return elements.compactMap(decode)
    }

    static func decode(_ node: JSONNode) -> CustomFieldDefinition? {
        guard case .object(let members) = node else { return nil }
        func member(_ key: String) -> JSONNode? { members.first { $0.key.lowercased() == key.lowercased() }?.value }
        guard let name = member("nome")?.scalarText, !name.trimmingSpaces.isEmpty else { return nil }
        let sectionActive: Bool? = if case .object(let section)? = member("secao") {
            section.first { $0.key.lowercased() == "ativo" }?.value.flag
        } else { nil }
        return CustomFieldDefinition(
            id: member("id")?.scalarText ?? "", name: name, alias: member("alias")?.scalarText,
            kind: member("tipo")?.scalarText.flatMap(CustomFieldKind.init(tipo:)),
            related: member("relacionado")?.scalarText ?? "",
            isActive: (member("ativo")?.flag ?? true) && (sectionActive ?? true))
    }
}

extension JSONNode {
    /// A string as is, a number as written without `.0`; nil for anything else.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let number): NumberText.render(number)
        default: nil
        }
    }

    /// A yes/no flag: a boolean, 0/1, or the words `true`/`false`; nil otherwise (and for null).
    var flag: Bool? {
        switch self {
        case .bool(let value): value
        case .number(let number): number == 0 ? false : number == 1 ? true : nil
        case .string(let text): CustomFieldRule.boolean(text)
        default: nil
        }
    }
}
