/// One listing endpoint of the API and what it can be asked.
package struct Endpoint: Sendable, Hashable {
    /// A parameter the endpoint silently defaults when it is absent, so a scan of everything must
    /// ask for each value and merge (the `oportunidades` quirk: no `status` means status 1 only).
    package struct RequiredScope: Sendable, Hashable {
        package let column: String
        package let parameter: String
        package let values: [Int]

        package init(column: String, parameter: String, values: [Int]) {
            self.column = column
            self.parameter = parameter
            self.values = values
        }
    }

    /// The listing path, e.g. `oportunidades/`.
    package let path: String
    package let filters: [PushableFilter]
    package let lookups: [KeyLookup]
    package let requiredScope: RequiredScope?
    /// How many records an account usually has here, when that is known to be few (an account
    /// has a handful of sales funnels): the planner's guess until it has read the listing once.
    package let typicalRecords: Int?

    package init(
        path: String, filters: [PushableFilter] = [], lookups: [KeyLookup] = [], requiredScope: RequiredScope? = nil,
        typicalRecords: Int? = nil
    ) {
        self.path = path
        self.filters = filters
        self.lookups = lookups
        self.requiredScope = requiredScope
        self.typicalRecords = typicalRecords
    }

    package func filters(on column: String) -> [PushableFilter] {
        filters.filter { $0.column == column }
    }

    package func lookup(on column: String) -> KeyLookup? {
        lookups.first { $0.column == column }
    }

    /// The lookups whose answer holds every record with the key. A lookup that lists records
    /// on an endpoint with a default scope may apply that scope as the listing does
    /// (`oportunidades/contatoId/` might answer only deals in progress) and drop records
    /// silently, so it is left out.
    package var completeLookups: [KeyLookup] {
        lookups.filter { !($0.returnsList && requiredScope != nil) }
    }
}
