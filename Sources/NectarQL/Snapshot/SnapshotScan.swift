import NectarCatalog
import NectarSource

/// What one scan asks a snapshot for, read back from the API request the planner built: the
/// documented filters the parameters stand for become conditions on the record table's columns
/// (the catalog's `PushableFilter`s say which), `attribute=` becomes the projection. A condition
/// may only narrow what the local filter keeps, never widen or change it, so anything unclear
/// (an unknown parameter, a name with non-ASCII letters) is left to the local filter.
package struct SnapshotScan: Sendable {
    package enum Condition: Sendable, Hashable {
        /// `column IN (values)`.
        case anyOf(column: String, values: [SnapshotValue])
        /// The first characters of a text column.
        case prefix(column: String, text: String)
        /// A timestamp column from `lower` (inclusive) to `upper` (exclusive), either optional.
        case between(column: String, lower: Int64?, upper: Int64?)
    }

    /// The table whose rows are wanted (a record table, a child table, or both read together).
    package let table: TableDefinition
    /// Conditions on the columns of the table whose records the endpoint lists.
    package let conditions: [Condition]
    /// Lower-cased top-level keys the rows need; empty for all.
    package let attributes: Set<String>
    /// A lookup of one record: no row means the API would have answered 404.
    package let isSingleLookup: Bool

    /// A listing request: its filters, projection and paging are the scan's.
    package init(request: PageRequest, table: TableDefinition, recordTable: TableDefinition) {
        self.table = table
        isSingleLookup = false
        attributes = Set(request.parameters.filter { $0.name == "attribute" }.map { $0.value.lowercased() })
        var conditions: [Condition] = []
        let values = Dictionary(request.parameters.map { ($0.name, $0.value) }) { first, _ in first }
        for filter in recordTable.endpoint.filters {
            guard let column = recordTable.column(filter.column),
                let condition = Self.condition(filter, on: column, values: values)
            else { continue }
            conditions.append(condition)
        }
        self.conditions = conditions
    }

    /// A lookup path (`contatos/5`, `oportunidades/contatoId/7`), matched against the endpoint's
    /// lookup templates; nil when none matches.
    package init?(lookupPath path: String, table: TableDefinition, recordTable: TableDefinition) {
        for lookup in recordTable.endpoint.lookups {
            let parts = lookup.pathTemplate.components(separatedBy: "{}")
            guard parts.count == 2, path.hasPrefix(parts[0]), path.hasSuffix(parts[1]),
                path.count > parts[0].count + parts[1].count, let column = recordTable.column(lookup.column)
            else { continue }
            let key = String(path.dropFirst(parts[0].count).dropLast(parts[1].count))
            guard !key.contains("/"), let value = Self.storage(key, column.type) else { continue }
            self.table = table
            conditions = [.anyOf(column: column.name, values: [value])]
            attributes = []
            isSingleLookup = !lookup.returnsList
            return
        }
        return nil
    }

    private static func condition(_ filter: PushableFilter, on column: ColumnDefinition, values: [String: String]) -> Condition? {
        switch filter.kind {
        case .equals(let parameter), .list(let parameter):
            guard let text = values[parameter] else { return nil }
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map { storage(String($0), column.type) }
            guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { return nil }
            return .anyOf(column: column.name, values: items.compactMap { $0 })
        case .dateRange(let from, let to):
            let lower = values[from].flatMap(BrazilianDay.instants(of:))?.lowerBound
            let upper = values[to].flatMap(BrazilianDay.instants(of:))?.upperBound
            guard lower != nil || upper != nil, column.type == .timestamp else { return nil }
            return .between(column: column.name, lower: lower, upper: upper)
        case .namePrefix(let parameter, let exactParameter):
            // The engine compares text by Unicode canonical equivalence; bytes agree with it for ASCII only.
            guard let text = values[parameter], !text.isEmpty, text.allSatisfy(\.isASCII), column.type == .text else { return nil }
            if let exactParameter, values[exactParameter] == "true" { return .anyOf(column: column.name, values: [.text(text)]) }
            return .prefix(column: column.name, text: text)
        }
    }

    /// A parameter's text as the column stores it; nil when it cannot be one of its values.
    private static func storage(_ text: String, _ type: SQLType) -> SnapshotValue? {
        switch type {
        case .float: Double(text.trimmingCharacters(in: .whitespaces)).map(SnapshotValue.real)
        case .text: .text(text)
        case .boolean, .timestamp: nil
        }
    }
}
