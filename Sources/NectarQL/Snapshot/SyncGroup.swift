import NectarCatalog
import NectarSource

/// The tables one endpoint's records fill: a record table and its child tables, always synced
/// together (a child's rows come from its parent's records).
package struct SyncGroup: Sendable {
    package let records: TableDefinition
    package let children: [TableDefinition]

    package var tables: [TableDefinition] { [records] + children }

    /// The groups holding `names` (any table or alias; a child brings its parent), in catalog
    /// order; every group when `names` is nil. Throws for a name the catalog does not know.
    package static func groups(_ names: [String]?, in catalog: Catalog) throws -> [SyncGroup] {
        var wanted: Set<String>?
        if let names {
            wanted = []
            for name in names {
                guard let table = catalog.table(named: name) else {
                    throw SnapshotError(
                        "unknown table '\(name)' in --tables; the tables are: \(catalog.tableNames.joined(separator: ", "))")
                }
                wanted?.insert(recordTableName(of: table))
            }
        }
        return catalog.tables.filter { !$0.isChild && (wanted?.contains($0.name) ?? true) }.map { records in
            SyncGroup(records: records, children: catalog.tables.filter { recordTableName(of: $0) == records.name && $0.isChild })
        }
    }

    private static func recordTableName(of table: TableDefinition) -> String {
        if case .arrayElements(let parent, _) = table.origin { return parent }
        return table.name
    }

    /// The endpoint's updated-date filter, when it has one: only then can a delta be read.
    package var updatedFilter: (from: String, to: String)? {
        for filter in records.endpoint.filters {
            if case .dateRange(let from, let to) = filter.kind, filter.column == "dataatualizacao" { return (from, to) }
        }
        return nil
    }

    /// The listings that read the records: one per value of a required scope (every status of
    /// oportunidades), each with `extra` parameters.
    package func listings(adding extra: [QueryParameter]) -> [PageRequest] {
        let endpoint = records.endpoint
        guard let scope = endpoint.requiredScope else { return [PageRequest(path: endpoint.path, parameters: extra)] }
        return scope.values.map { PageRequest(path: endpoint.path, parameters: [QueryParameter(scope.parameter, String($0))] + extra) }
    }
}
