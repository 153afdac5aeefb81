import NectarCatalog

/// What the source a scan reads from can do, as the planner sees it: which of an endpoint's
/// filters it takes as parameters, which lookups by key it answers, whether it narrows a read to
/// the columns asked for, whether it stops at the pages a `limit` needs, and what a request holds.
/// The planner's core asks these questions and never looks at the endpoint's capabilities itself,
/// so a source that can do more (or less) plans without touching it.
package protocol RecordSource: Sendable {
    /// Records one listing request returns at most (a page).
    var recordsPerRequest: Int { get }
    /// Whether a read may name only the columns the query uses.
    var projects: Bool { get }
    /// Whether a read may stop at the pages a row budget needs.
    var stopsAtRowBudget: Bool { get }
    /// Whether one read of a parent's records serves its child tables too (a record carries its
    /// arrays), so a parent joined to its child is read once.
    var readsChildrenWithParents: Bool { get }
    /// The filters `endpoint` applies for this source.
    func filters(of endpoint: Endpoint) -> [PushableFilter]
    /// The lookups by key that return every record with that key.
    func lookups(of endpoint: Endpoint) -> [KeyLookup]
}

/// The NectarCRM API as documented: the catalog's filters and lookups per endpoint (data, not
/// code), `attribute=` projection, and pages of `displayLength` records. A snapshot answers the
/// same requests from its tables, so it plans as this source too, and gives the same answers.
package struct DocumentedAPI: RecordSource {
    package let recordsPerRequest: Int
    package var projects: Bool { true }
    package var stopsAtRowBudget: Bool { true }
    package var readsChildrenWithParents: Bool { true }

    package init(pageSize: Int) {
        recordsPerRequest = pageSize
    }

    package func filters(of endpoint: Endpoint) -> [PushableFilter] { endpoint.filters }
    package func lookups(of endpoint: Endpoint) -> [KeyLookup] { endpoint.completeLookups }
}

/// The API used as naively as possible, for the benchmark's baseline: no parameter but the
/// required scope, no lookups, whole records, every page of every listing.
package struct NaiveAPI: RecordSource {
    package let recordsPerRequest: Int
    package var projects: Bool { false }
    package var stopsAtRowBudget: Bool { false }
    package var readsChildrenWithParents: Bool { false }

    package init(pageSize: Int) {
        recordsPerRequest = pageSize
    }

    package func filters(of endpoint: Endpoint) -> [PushableFilter] { [] }
    package func lookups(of endpoint: Endpoint) -> [KeyLookup] { [] }
}
