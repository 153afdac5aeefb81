import NectarCatalog
import NectarSource

/// How many records listings return, for choosing between lookups and scans: the size the
/// client remembers for a listing read to its end (in this session or an earlier one), else the
/// catalog's typical size or a modest default.
package struct CardinalityEstimates: Sendable {
    static let defaultRecords = 1_000
    /// Rows per parent record in a child table's array, when nothing better is known.
    static let childRowsPerRecord = 3.0

    let sizes: ListingSizes

    package init(sizes: ListingSizes) {
        self.sizes = sizes
    }

    /// What a listing with exactly these filters returned last time, if it was read whole.
    func records(path: String, filters: [QueryParameter]) -> Int? {
        sizes.records(path: path, parameters: filters)
    }

    /// Records behind the endpoint as a whole (every value of a required scope together).
    func total(of endpoint: Endpoint) -> Int {
        if let whole = records(path: endpoint.path, filters: []) { return whole }
        if let scope = endpoint.requiredScope {
            let parts = scope.values.compactMap { records(path: endpoint.path, filters: [QueryParameter(scope.parameter, String($0))]) }
            if parts.count == scope.values.count { return parts.reduce(0, +) }
        }
        return endpoint.typicalRecords ?? Self.defaultRecords
    }
}

/// What the planner expects a piece of the plan to cost and produce.
struct Estimate: Sendable, Hashable {
    var requests: Int
    var rows: Int
}
