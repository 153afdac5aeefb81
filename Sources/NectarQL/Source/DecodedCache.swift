/// Decoded pages and lookups, reused for `ttl`, so a repeated query neither sends requests nor
/// parses JSON again. Keys include the decoder's namespace because the same bytes decode to
/// different content per table.
final class DecodedCache: Sendable {
    struct Key: Hashable, Sendable {
        let namespace: String
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
    }

    private struct State {
        var enabled: Bool
        var entries: [Key: Stored] = [:]
    }

    private let ttl: Duration?
    private let capacity: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state: Locked<State>

    init(ttl: Duration?, capacity: Int = 20_000, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.ttl = ttl
        self.capacity = capacity
        self.now = now
        state = Locked(State(enabled: ttl != nil))
    }

    func lookup(_ key: Key) -> Entry? {
        let now = now()
        return state.withLock { state in
            guard state.enabled, let stored = state.entries[key] else { return nil }
            guard stored.expires > now else {
                state.entries[key] = nil
                return nil
            }
            return stored.entry
        }
    }

    func store(_ entry: Entry, for key: Key) {
        guard let ttl else { return }
        let now = now()
        state.withLock { state in
            guard state.enabled else { return }
            if state.entries.count >= capacity { Self.evict(from: &state.entries, now: now, capacity: capacity) }
            state.entries[key] = Stored(entry: entry, expires: now + ttl)
        }
    }

    /// Turning the cache on has no effect when the configuration disabled it (`cacheTTL == nil`).
    func setEnabled(_ on: Bool) {
        state.withLock { state in state.enabled = on && ttl != nil }
    }

    func clear() {
        state.withLock { state in state.entries.removeAll() }
    }

    var count: Int { state.withLock { $0.entries.count } }

    /// Drops expired entries, and if that frees nothing, the quarter closest to expiring.
    private static func evict(from entries: inout [Key: Stored], now: ContinuousClock.Instant, capacity: Int) {
        entries = entries.filter { $0.value.expires > now }
        guard entries.count >= capacity else { return }
        let sorted = entries.sorted { $0.value.expires < $1.value.expires }
        for (key, _) in sorted.prefix(max(1, sorted.count / 4)) { entries[key] = nil }
    }
}
