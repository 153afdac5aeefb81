/// A filter an endpoint documents, attached to the record column it narrows.
/// The planner turns predicates on that column into query parameters; it never relies on them
/// for the answer, because every predicate is evaluated locally too.
package struct PushableFilter: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// `parameter=value`, one value per request; an `in (…)` becomes one scan per value.
        case equals(parameter: String)
        /// `parameter=v1,v2,…`: the API takes a comma-separated list in one request.
        case list(parameter: String)
        /// `from=dd/MM/yyyy&to=dd/MM/yyyy`, inclusive whole days in Brazilian time (UTC−03:00).
        case dateRange(from: String, to: String)
        /// `parameter=text` matches a prefix of the name or code; where the endpoint documents one,
        /// adding `exactParameter=true` makes it exact.
        case namePrefix(parameter: String, exactParameter: String?)
    }

    package let column: String
    package let kind: Kind

    package init(_ column: String, _ kind: Kind) {
        self.column = column
        self.kind = kind
    }
}

/// A single-record or per-key lookup path, e.g. `contatos/{id}` or `proposta/opportunity/{id}`.
package struct KeyLookup: Sendable, Hashable {
    /// The record column whose value fills the path.
    package let column: String
    /// The path with `{}` where the value goes, relative to the base URL.
    package let pathTemplate: String
    /// Whether the path answers with one object (404 when absent) or with an array of records.
    package let returnsList: Bool

    package init(_ column: String, _ pathTemplate: String, returnsList: Bool = false) {
        self.column = column
        self.pathTemplate = pathTemplate
        self.returnsList = returnsList
    }

    package func path(for key: String) -> String {
        pathTemplate.split(separator: "{}", omittingEmptySubsequences: false).joined(separator: key)
    }
}
