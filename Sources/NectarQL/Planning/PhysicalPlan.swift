import NectarCatalog
import NectarSource
import NectarSyntax

/// The plan that runs: which requests fetch each table and what runs locally above them.
package indirect enum PlanNode: Sendable {
    case values([[Value]])
    case scan(ScanNode)
    case join(left: PlanNode, JoinNode)
    case filter(PlanNode, BoundExpression, text: String)
    case aggregate(PlanNode, BoundQuery.Grouping, text: String)
    case sort(PlanNode, [SortKey], text: String)
    case project(PlanNode, [BoundExpression], names: [String])
    case distinct(PlanNode)
    case limit(PlanNode, limit: Int?, offset: Int)
}

/// How one table is read.
package struct ScanNode: Sendable {
    package let table: TableDefinition
    /// The name the query uses for it (alias or table name).
    let name: String
    let pushdown: Pushdown
    /// Top-level keys for `attribute=`; empty means every key.
    let attributes: [String]
    /// Every predicate on this table alone, over its rows: always evaluated locally.
    package var localFilter: BoundExpression?
    let filterText: String?
    let estimate: Estimate
    /// Rows a `limit` right above needs; no page past them is fetched.
    package let rowBudget: Int?
    /// Predicates on custom fields: evaluated here only, never sent (for explain).
    var customFieldFilter: String? = nil
    /// For a parent and its child table read together: the join this one scan stands for.
    var servesJoin: String? = nil
    /// The columns the query reads, the only ones decoded; nil decodes every column.
    var columns: Set<Int>? = nil
    /// Whether the rows carry only `columns` (see `ScanRowCompaction`), not the table's width.
    var compactRows = false

    /// Turns this scan's records into rows, decoding only the columns the query reads.
    package var flattener: Flattener { Flattener(table: table, reading: columns, compactRows: compactRows) }

    /// The path of the endpoint that lists this table's records.
    var path: String { table.endpoint.path }

    package var access: ScanAccess {
        switch pushdown.access {
        case .listings(let sets):
            return .listings(sets.map { PageRequest(path: path, parameters: $0 + attributeParameters) })
        case .lookups(let lookup, let keys):
            return .lookups(keys.map { lookup.path(for: $0) })
        }
    }

    var attributeParameters: [QueryParameter] { attributes.map { QueryParameter("attribute", $0) } }

    /// A lookup join's listings for one key (`key` is `{key}` in explain): each of `listings`
    /// with `parameter=key`, projected like the scan.
    package func keyedRequests(parameter: String, listings: [[QueryParameter]], key: String) -> [PageRequest] {
        listings.map { PageRequest(path: path, parameters: $0 + [QueryParameter(parameter, key)] + attributeParameters) }
    }
}

/// A join and the strategy chosen for it, with both estimates so explain can show the choice.
package struct JoinNode: Sendable {
    package enum Strategy: Sendable {
        case hash
        case lookup(LookupAccess)
    }

    package let join: BoundJoin
    package let right: ScanNode
    package let strategy: Strategy
    /// Requests to scan the right side whole.
    let scanRequests: Int
    /// Requests to fetch the right side per distinct key, when the API allows it.
    let lookupRequests: Int?
    let estimate: Estimate
}

/// How a lookup join fetches the right rows of one key.
package enum LookupAccess: Sendable {
    /// `GET contatos/{key}` (for a child table: its parent's record).
    case path(KeyLookup)
    /// A listing per key with `parameter=key`, once per parameter set of the right side's own pushdown.
    case filter(parameter: String, listings: [[QueryParameter]])
}
