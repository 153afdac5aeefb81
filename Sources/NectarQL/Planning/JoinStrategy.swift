import NectarCatalog
import NectarSource

/// Hash join or lookup join: a lookup join fetches the right side per distinct key of the left
/// (`GET contatos/{id}`, or a listing with `clienteId=…`), and is chosen when that is estimated to
/// take fewer requests than reading the whole right side.
extension Planner {
    func chooseStrategy(_ join: BoundJoin, right: ScanNode, leftRows: Int) -> JoinNode {
        let scanRequests = right.estimate.requests
        let access = lookupAccess(join, right: right)
        let lookupRequests = access.map { access in
            let keys = min(leftRows, estimates.total(of: (parentTable(of: right.table) ?? right.table).endpoint))
            return max(1, keys) * Self.requestsPerKey(access)
        }
        // Most joins follow a reference to one record, so each left row meets about one right row.
        let rows = leftRows
        if let access, let lookupRequests, lookupRequests < scanRequests {
            return JoinNode(
                join: join, right: right, strategy: .lookup(access), scanRequests: scanRequests,
                lookupRequests: lookupRequests, estimate: Estimate(requests: lookupRequests, rows: rows))
        }
        return JoinNode(
            join: join, right: right, strategy: .hash, scanRequests: scanRequests, lookupRequests: lookupRequests,
            estimate: Estimate(requests: scanRequests, rows: rows))
    }

    private static func requestsPerKey(_ access: LookupAccess) -> Int {
        switch access {
        case .path: 1
        case .filter(_, let listings): max(1, listings.count)
        }
    }

    /// How the right side can be fetched per key, if the API allows it for the join column.
    private func lookupAccess(_ join: BoundJoin, right: ScanNode) -> LookupAccess? {
        guard join.leftKeys.count == 1, join.rightColumns.count == 1 else { return nil }
        let table = right.table
        let column = table.columns[join.rightColumns[0]]
        let recordTable = parentTable(of: table) ?? table
        let recordColumn: String
        switch column.source {
        case .parent(let path) where path.count == 1: recordColumn = path[0]
        case .field where !table.isChild: recordColumn = column.name
        default: return nil
        }
        if let lookup = source.lookups(of: recordTable.endpoint).first(where: { $0.column == recordColumn }) {
            return .path(lookup)
        }
        guard case .listings(let listings) = right.pushdown.access,
            let filter = source.filters(of: recordTable.endpoint).first(where: { $0.column == recordColumn })
        else { return nil }
        switch filter.kind {
        case .equals(let parameter), .list(let parameter):
            let withoutParameter = listings.map { $0.filter { $0.name != parameter } }
            return .filter(parameter: parameter, listings: withoutParameter)
        case .dateRange, .namePrefix: return nil
        }
    }
}
