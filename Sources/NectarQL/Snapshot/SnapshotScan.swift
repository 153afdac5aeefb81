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
    package private(set) var conditions: [Condition]
    /// Lower-cased top-level keys the rows need; empty for all.
    package let attributes: Set<String>
    /// A lookup of one record: no row means the API would have answered 404.
    package let isSingleLookup: Bool
    /// Several listings read as one (see `merging`): together they cover most of the table, so a
    /// scan of the table in rowid order beats an index probe per row.
    package private(set) var scansWholeTable = false

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

    /// The listings of a fan-out (one per status of oportunidades, one per value of an `in` the API
    /// takes singly) as one scan: the same table, projection and conditions but for one column's
    /// values, which are joined. Nil when they differ otherwise, or are not several: then each
    /// listing is read on its own. The file holds each record once, so the joined scan yields
    /// the rows the listings would, without the duplicates a live fan-out drops by id. Joined
    /// values that are the endpoint's whole required `scope` (every status) select nothing: every
    /// record in the file came from one of those listings, so the condition is dropped.
    package static func merging(_ scans: [SnapshotScan], scope: Endpoint.RequiredScope?) -> SnapshotScan? {
        guard let first = scans.first, scans.count > 1,
            scans.allSatisfy({ $0.table == first.table && $0.attributes == first.attributes && !$0.isSingleLookup }),
            scans.allSatisfy({ $0.conditions.count == first.conditions.count })
        else { return nil }
        var merged: [Condition] = []
        var joinedOne = false
        for position in first.conditions.indices {
            let conditions = scans.map { $0.conditions[position] }
            if conditions.allSatisfy({ $0 == conditions[0] }) {
                merged.append(conditions[0])
                continue
            }
            guard !joinedOne, case .anyOf(let column, _) = conditions[0] else { return nil }
            var values: [SnapshotValue] = []
            for condition in conditions {
                guard case .anyOf(column, let some) = condition else { return nil }
                for value in some where !values.contains(value) { values.append(value) }
            }
            joinedOne = true
            let wholeScope = scope.map { $0.column == column && Set(values) == Set($0.values.map { SnapshotValue.real(Double($0)) }) }
            if wholeScope != true { merged.append(.anyOf(column: column, values: values)) }
        }
        guard joinedOne else { return nil }
        var scan = first
        scan.conditions = merged
        scan.scansWholeTable = true
        return scan
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
