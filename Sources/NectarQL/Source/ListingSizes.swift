/// How many records each listing held the last time it was read to its end, by its path and
/// filters (projections do not change the count). The client opens a remembered listing's
/// pages at once, up to the one that should end it, instead of speculating past its end; the
/// planner estimates from it. A stale size costs a request or a round trip, never an answer:
/// the end is still the first short page.
package final class ListingSizes: Sendable {
    private let sizes: Locked<[String: Int]>
    private let changed = Locked(false)

    /// `remembered` as `all` gave it (e.g. read back from a file by `ListingSizesFile`).
    package init(remembered: [String: Int] = [:]) {
        sizes = Locked(remembered)
    }

    /// The key of a listing: its path and its filters in a stable order, without `attribute`.
    package static func key(path: String, parameters: [QueryParameter]) -> String {
        let filters = parameters.filter { $0.name != "attribute" }.map { "\($0.name)=\($0.value)" }.sorted()
        return path + "?" + filters.joined(separator: "&")
    }

    package func records(path: String, parameters: [QueryParameter]) -> Int? {
        sizes.withLock { $0[Self.key(path: path, parameters: parameters)] }
    }

    package func records(of request: PageRequest) -> Int? {
        records(path: request.path, parameters: request.parameters)
    }

    package func remember(_ records: Int, of request: PageRequest) {
        let key = Self.key(path: request.path, parameters: request.parameters)
        let isNew = sizes.withLock { sizes in
            defer { sizes[key] = records }
            return sizes[key] != records
        }
        if isNew { changed.withLock { $0 = true } }
    }

    /// Every remembered size, by key.
    package var all: [String: Int] { sizes.withLock { $0 } }

    /// Whether a size was learnt or changed since the store was made (or since the last call).
    package func takeChanged() -> Bool {
        changed.withLock { changed in
            defer { changed = false }
            return changed
        }
    }
}
