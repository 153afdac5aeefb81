/// Decoded pages and lookups, reused for `ttl`, so a repeated query neither sends requests nor
/// parses JSON again. Keys include the decoder's identity because the same bytes decode to
/// different content per table (and per set of columns read).
final class DecodedCache: Sendable {
    struct Key: Hashable, Sendable {
        let decoder: DecoderIdentity
        let path: String
        let parameters: [QueryParameter]
        /// `nil` for lookups, which are not paged.
        let page: Int?
        let pageSize: Int?
    }

    /// What a cached request produced: a decoded page, or the API's "no such record".
    enum Entry: Sendable {
        case found(any Sendable)
        case notFound
    }

    private struct Stored {
        let entry: Entry
        let expires: ContinuousClock.Instant
        let bytes: Int
    }

    private struct State {
        var enabled: Bool
        var entries: [Key: Stored] = [:]
        var bytes = 0
    }

    private let ttl: Duration?
    private let capacity: Int
    private let byteBudget: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state: Locked<State>

    init(
        ttl: Duration?, capacity: Int = 20_000, byteBudget: Int = .max,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.ttl = ttl
        self.capacity = capacity
        self.byteBudget = byteBudget
        self.now = now
        state = Locked(State(enabled: ttl != nil))
    }

    func lookup(_ key: Key) -> Entry? {
        let now = now()
        return state.withLock { state in
            guard state.enabled, let stored = state.entries[key] else { return nil }
            guard stored.expires > now else {
                state.entries[key] = nil
                state.bytes -= stored.bytes
                return nil
            }
            return stored.entry
        }
    }

    /// `bytes` is the size of the body behind the entry; an entry larger than the budget is not kept.
    func store(_ entry: Entry, for key: Key, bytes: Int = 0) {
        guard let ttl, bytes <= byteBudget else { return }
        let now = now()
        state.withLock { state in
            guard state.enabled else { return }
            if let replaced = state.entries.removeValue(forKey: key) { state.bytes -= replaced.bytes }
            if state.entries.count >= capacity || state.bytes + bytes > byteBudget {
                Self.evict(from: &state, now: now, keeping: min(capacity - 1, state.entries.count), bytes: byteBudget - bytes)
            }
            state.entries[key] = Stored(entry: entry, expires: now + ttl, bytes: bytes)
            state.bytes += bytes
        }
    }

    /// Turning the cache on has no effect when the configuration disabled it (`cacheTTL == nil`).
    func setEnabled(_ on: Bool) {
        state.withLock { state in state.enabled = on && ttl != nil }
    }

    func clear() {
        state.withLock { state in
            state.entries.removeAll()
            state.bytes = 0
        }
    }

    var count: Int { state.withLock { $0.entries.count } }

    /// Drops expired entries, then those closest to expiring, until at most `count` entries of at
    /// most `bytes` in all remain (and, when the count was the problem, at least a quarter go, so
    /// eviction does not run on every store).
    private static func evict(from state: inout State, now: ContinuousClock.Instant, keeping count: Int, bytes: Int) {
        state.entries = state.entries.filter { $0.value.expires > now }
        state.bytes = state.entries.values.reduce(0) { $0 + $1.bytes }
        guard state.entries.count > count || state.bytes > bytes else { return }
        let overCount = state.entries.count > count
        let target = overCount ? min(count, state.entries.count * 3 / 4) : state.entries.count
        for (key, stored) in state.entries.sorted(by: { $0.value.expires < $1.value.expires }) {
            guard state.entries.count > target || state.bytes > bytes else { break }
            state.entries[key] = nil
            state.bytes -= stored.bytes
        }
    }
}
