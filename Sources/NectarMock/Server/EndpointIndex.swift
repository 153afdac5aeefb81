/// Each endpoint's records, indexed and encoded the first time a request reaches that endpoint:
/// a demo session or a test that reads two endpoints pays for those two, not for every one.
final class EndpointIndex: Sendable {
    /// One endpoint's records in id order, and their positions by id for single-record lookups.
    struct Entry: Sendable {
        let records: [IndexedRecord]
        let positions: [Int: Int]
    }

    private let dataset: MockDataset
    private let built = Locked<[MockEndpoint: Entry]>([:])

    init(dataset: MockDataset) {
        self.dataset = dataset
    }

    /// Built under the one lock, so concurrent first requests to an endpoint index it once (and a
    /// first request elsewhere waits meanwhile: milliseconds, once per endpoint and server).
    subscript(endpoint: MockEndpoint) -> Entry {
        built.withLock { built in
            if let entry = built[endpoint] { return entry }
            let entry = Self.index(dataset.records(endpoint))
            built[endpoint] = entry
            return entry
        }
    }

    private static func index(_ records: [MockJSON]) -> Entry {
        let sorted = records.map(IndexedRecord.init).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        let positions = Dictionary(sorted.enumerated().compactMap { index, record in record.id.map { ($0, index) } }) { first, _ in first }
        return Entry(records: sorted, positions: positions)
    }
}
