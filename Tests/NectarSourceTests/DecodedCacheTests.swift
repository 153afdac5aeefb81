import Testing
@testable import NectarSource

@Suite struct DecodedCacheTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let current = Locked(ContinuousClock.now)
        var now: ContinuousClock.Instant { current.withLock { $0 } }
        func advance(_ by: Duration) { current.withLock { $0 += by } }
    }

    func key(_ namespace: String = "contatos", page: Int? = 1) -> DecodedCache.Key {
        .init(decoder: .test(namespace), path: "contatos/", parameters: [.init("nome", "Ana")], page: page, pageSize: 50)
    }

    func storedInt(_ entry: DecodedCache.Entry?) -> Int? {
        guard case .found(let value) = entry else { return nil }
        return (value as? DecodedPage<Int>)?.content
    }

    @Test func returnsWhatWasStoredUntilTheTTLPasses() {
        let clock = ManualClock()
        let cache = DecodedCache(ttl: .seconds(300), now: { clock.now })
        cache.store(.found(DecodedPage(content: 7, recordCount: 1)), for: key())
        #expect(storedInt(cache.lookup(key())) == 7)
        clock.advance(.seconds(299))
        #expect(storedInt(cache.lookup(key())) == 7)
        clock.advance(.seconds(2))
        #expect(cache.lookup(key()) == nil)
    }

    @Test func staysWithinItsByteBudgetByDroppingThePagesClosestToExpiring() {
        let clock = ManualClock()
        let cache = DecodedCache(ttl: .seconds(300), byteBudget: 1_000, now: { clock.now })
        for page in 1...3 {
            cache.store(.found(DecodedPage(content: page, recordCount: 1)), for: key(page: page), bytes: 400)
            clock.advance(.seconds(1))
        }
        // 3 × 400 bytes exceed 1,000: the oldest page went, the two newest stay.
        #expect(cache.lookup(key(page: 1)) == nil)
        #expect(storedInt(cache.lookup(key(page: 2))) == 2)
        #expect(storedInt(cache.lookup(key(page: 3))) == 3)
        // A page larger than the whole budget is not kept, and evicts nothing.
        cache.store(.found(DecodedPage(content: 4, recordCount: 1)), for: key(page: 4), bytes: 1_001)
        #expect(cache.lookup(key(page: 4)) == nil)
        #expect(cache.count == 2)
    }

    @Test func keysSeparateNamespacesPagesAndParameters() {
        let cache = DecodedCache(ttl: .seconds(60))
        cache.store(.found(DecodedPage(content: 1, recordCount: 1)), for: key())
        #expect(cache.lookup(key("nectarcrm_contatos_enderecos")) == nil)
        #expect(cache.lookup(key(page: 2)) == nil)
        #expect(cache.lookup(key(page: nil)) == nil)
    }

    @Test func disablingBypassesAndClearingEmpties() {
        let cache = DecodedCache(ttl: .seconds(60))
        cache.store(.found(DecodedPage(content: 1, recordCount: 1)), for: key())
        cache.setEnabled(false)
        #expect(cache.lookup(key()) == nil)
        cache.store(.found(DecodedPage(content: 2, recordCount: 1)), for: key(page: 2))
        cache.setEnabled(true)
        #expect(storedInt(cache.lookup(key())) == 1)
        #expect(cache.lookup(key(page: 2)) == nil)
        cache.clear()
        #expect(cache.lookup(key()) == nil)
    }

    @Test func aNilTTLCachesNothing() {
        let cache = DecodedCache(ttl: nil)
        cache.setEnabled(true)
        cache.store(.notFound, for: key())
        #expect(cache.lookup(key()) == nil)
    }

    @Test func staysWithinItsCapacity() {
        let cache = DecodedCache(ttl: .seconds(60), capacity: 8)
        for page in 1...100 { cache.store(.found(DecodedPage(content: page, recordCount: 1)), for: key(page: page)) }
        #expect(cache.count <= 8)
        #expect(storedInt(cache.lookup(key(page: 100))) == 100)
    }
}
