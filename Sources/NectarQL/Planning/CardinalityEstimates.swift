import NectarCatalog
import NectarSource

/// How many records listings return, for choosing between lookups and scans. Starts from the
/// catalog's typical size or a modest default (an account's size is unknown until it is read)
/// and learns the true count of every listing the session reads to its end.
struct CardinalityEstimates: Sendable {
    static let defaultRecords = 1_000
    /// Rows per parent record in a child table's array, when nothing better is known.
    static let childRowsPerRecord = 3.0

    private var observed: [String: Int] = [:]

    /// What a listing with exactly these filters returned last time, if it was read whole.
    func records(path: String, filters: [QueryParameter]) -> Int? {
        observed[Self.key(path, filters)]
    }

    /// Records behind the endpoint as a whole (every value of a required scope together).
    func total(of endpoint: Endpoint) -> Int {
        if let whole = observed[Self.key(endpoint.path, [])] { return whole }
        if let scope = endpoint.requiredScope {
            let parts = scope.values.compactMap { observed[Self.key(endpoint.path, [QueryParameter(scope.parameter, String($0))])] }
            if parts.count == scope.values.count { return parts.reduce(0, +) }
        }
        return endpoint.typicalRecords ?? Self.defaultRecords
    }

    mutating func observe(records: Int, path: String, filters: [QueryParameter]) {
        observed[Self.key(path, filters)] = records
    }

    /// Filters in a stable order; projections do not change how many records there are.
    private static func key(_ path: String, _ filters: [QueryParameter]) -> String {
        let parts = filters.filter { $0.name != "attribute" }.map { "\($0.name)=\($0.value)" }.sorted()
        return path + "?" + parts.joined(separator: "&")
    }
}

/// What the planner expects a piece of the plan to cost and produce.
struct Estimate: Sendable, Hashable {
    var requests: Int
    var rows: Int
}
