/// The NectarCRM REST client: authenticated GETs, paging, one global concurrency limit,
/// rate limiting, retries and a cache of decoded pages. It moves bytes; callers decode them.
///
/// ```swift
/// let client = try NectarClient(configuration: .init(baseURL: url, token: token))
/// for try await batch in client.scan(PageRequest(path: "contatos/"), decoder: contatosDecoder) { … }
/// await client.shutdown()
/// ```
package final class NectarClient: Sendable {
    private let configuration: ClientConfiguration
    private let base: BaseURL
    private let transport: HTTPTransport
    private let executor: RequestExecutor
    private let cache: DecodedCache
    private let recorder = StatisticsRecorder()
    /// Listings' sizes learnt from their ends, which shape later scans of the same listings.
    package let listingSizes: ListingSizes
    private let isShutDown = Locked(false)

    /// Refuses malformed base URLs, plain `http://` to anything but loopback, and settings
    /// that cannot work, explaining each.
    /// `listingSizes` may come remembered from earlier sessions (`ListingSizesFile`).
    package init(configuration: ClientConfiguration, listingSizes: ListingSizes = ListingSizes()) throws(APIError) {
        try Self.validate(configuration)
        self.configuration = configuration
        self.listingSizes = listingSizes
        base = try BaseURL.parse(configuration.baseURL)
        transport = HTTPTransport(token: configuration.token, stallTimeout: configuration.requestTimeout)
        cache = DecodedCache(ttl: configuration.cacheTTL, byteBudget: configuration.cacheByteBudget)
        executor = RequestExecutor(
            transport: transport,
            permits: AsyncSemaphore(permits: configuration.concurrency),
            throttle: RequestThrottle(maxRequestsPerSecond: configuration.maxRequestsPerSecond),
            policy: RetryPolicy(maxAttempts: configuration.maxAttempts, budget: configuration.retryBudget),
            timeout: configuration.requestTimeout,
            statistics: recorder)
    }

    deinit {
        if !isShutDown.withLock({ $0 }) { transport.shutdownInBackground() }
    }

    /// Pages of one listing, in page order, fetched through a sliding window (at most
    /// `concurrency` pages ahead, sharing the client's global limit). Ends after the first page
    /// whose `recordCount` is below `pageSize`; a page that contradicts the page size (more records
    /// than asked, or a short page before one with records) fails with an `APIError`. Dropping the stream or cancelling the consuming
    /// task cancels the requests in flight. Decoded pages are cached under the decoder's identity
    /// (a decoder without one is never cached). `firstPage` and
    /// `maxPages` read part of a listing (a `limit` needs only its first pages): no request goes
    /// past `maxPages`, so the stream may end while the listing has more. A listing whose size
    /// `listingSizes` remembers has the pages that size needs requested at once, and none past
    /// them; any other starts with its first page alone and opens the window once a page comes
    /// back full, since most listings that filters produce fit in one page. `tally`, when given,
    /// counts this scan's requests (a caller sharing the client with others cannot use its totals).
    package func scan<Decoder: PageDecoder>(
        _ request: PageRequest, decoder: Decoder, firstPage: Int = 1, maxPages: Int? = nil, tally: RequestTally? = nil
    ) -> AsyncThrowingStream<Decoder.Content, any Error> {
        typealias Content = Decoder.Content
        let pageSize = configuration.pageSize
        let sizes = listingSizes
        let cache = self.cache
        let identity = DecoderIdentity(decoder)
        let key: @Sendable (Int) -> DecodedCache.Key? = { page in
            identity.map {
                DecodedCache.Key(decoder: $0, path: request.path, parameters: request.parameters, page: page, pageSize: pageSize)
            }
        }
        let pages = PageScan<Content>(
            pageSize: pageSize, window: configuration.concurrency, firstPage: firstPage, maxPages: maxPages,
            expectedLastPage: sizes.records(of: request).map { $0 / pageSize + 1 }, executor: transport.pageExecutor,
            ended: { page, records in sizes.remember((page - 1) * pageSize + records, of: request) },
            cached: { [cache, recorder] page in
                guard let key = key(page), case .found(let any) = cache.lookup(key), let hit = any as? DecodedPage<Content>
                else { return nil }
                recorder.cacheHit()
                return hit
            },
            load: { [self] page, notice in
                try await loadPage(page, of: request, cache: cache, key: key(page), notice: notice, tally: tally, decoder: decoder)
            })
        let token = configuration.token
        return AsyncThrowingStream {
            do {
                return try await pages.next()
            } catch let error as APIError {
                throw error.redacting(token)
            } catch let inconsistency as PagingInconsistency {
                throw ErrorMessages.paging(inconsistency, path: request.path, pageSize: pageSize).redacting(token)
            }
        }
    }

    /// One GET of a single record (`contatos/123`, `proposta/opportunity/5`); `nil` on 404.
    /// Cached like pages (404s included), under the decoder's identity as for `scan`.
    package func fetch<Decoder: PageDecoder>(
        path: String, parameters: [QueryParameter] = [], decoder: Decoder, tally: RequestTally? = nil
    ) async throws -> Decoder.Content? {
        try requireToken()
        let key = DecoderIdentity(decoder).map { DecodedCache.Key(decoder: $0, path: path, parameters: parameters, page: nil, pageSize: nil) }
        switch key.flatMap(cache.lookup) {
        case .found(let any):
            if let page = any as? DecodedPage<Decoder.Content> {
                recorder.cacheHit()
                return page.content
            }
        case .notFound:
            recorder.cacheHit()
            return nil
        case nil:
            break
        }
        let target = RequestTarget(base: base, path: path, parameters: parameters)
        do {
            switch try await executor.perform(target, isWhole: decoder.isWhole, tally: tally) {
            case .body(let body, let attempts):
                let page = try decode(body, with: decoder, target: target, attempts: attempts)
                if let key { cache.store(.found(page), for: key, bytes: body.count) }
                return page.content
            case .notFound:
                if let key { cache.store(.notFound, for: key) }
                return nil
            }
        } catch let error as APIError {
            throw error.redacting(configuration.token)
        }
    }

    /// Cumulative counters since the client was created.
    package func statistics() -> ClientStatistics { recorder.snapshot() }

    /// How long the API asked (429 with `Retry-After`) to wait before the next request, while that lasts.
    package func serverPauseRemaining() -> Duration? { executor.pauseRemaining }

    /// Bypasses (and stops filling) the cache while off; has no effect if `cacheTTL` is nil.
    package func setCacheEnabled(_ on: Bool) { cache.setEnabled(on) }

    package func clearCache() { cache.clear() }

    /// Closes connections. Call once, after the last request.
    package func shutdown() async {
        let first = isShutDown.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        if first { await transport.shutdown() }
    }

    /// Loads and decodes one page, sending the notice when it came back full: from a glance at
    /// the body when the scan expects a full page, otherwise from the decoded count.
    private func loadPage<Decoder: PageDecoder>(
        _ page: Int, of request: PageRequest, cache: DecodedCache, key: DecodedCache.Key?,
        notice: FullPageNotice, tally: RequestTally?, decoder: Decoder
    ) async throws -> DecodedPage<Decoder.Content> {
        try requireToken()
        let pageSize = configuration.pageSize
        let paging = [QueryParameter("page", String(page)), QueryParameter("displayLength", String(pageSize))]
        let target = RequestTarget(base: base, path: request.path, parameters: paging + request.parameters)
        let received: @Sendable ([UInt8]) -> Bool = { body in
            guard notice.expectsFullPage, notice.isWanted(), ListingBody.holdsAtLeast(pageSize, elementsIn: body) else {
                return false
            }
            notice.send()
            return true
        }
        switch try await executor.perform(target, isWhole: decoder.isWhole, received: received, tally: tally) {
        case .body(let body, let attempts):
            let decoded = try decode(body, with: decoder, target: target, attempts: attempts)
            if let key { cache.store(.found(decoded), for: key, bytes: body.count) }
            if !notice.expectsFullPage, decoded.recordCount >= pageSize, notice.isWanted() { notice.send() }
            return decoded
        case .notFound(let attempts):
            throw ErrorMessages.listingNotFound(target, attempts: attempts)
        }
    }

    /// The typed step after a whole answer arrived: a body that does not decode is the API's (or
    /// the decoder's) fault, reported at once with what failed, not retried as a network failure.
    private func decode<Decoder: PageDecoder>(
        _ body: [UInt8], with decoder: Decoder, target: RequestTarget, attempts: Int
    ) throws(APIError) -> DecodedPage<Decoder.Content> {
        do {
            let page = try decoder.decode(body)
            recorder.pageDecoded()
            return page
        } catch {
            recorder.failed(.undecodableBody)
            // Callers redact the token from every APIError they pass on.
            throw ErrorMessages.undecodable(target, bytes: body.count, error: error, attempts: attempts)
        }
    }

    /// A client made without a token (a session that reads only snapshots) sends nothing.
    private func requireToken() throws(APIError) {
        guard configuration.token.isEmpty else { return }
        throw ErrorMessages.configuration(
            "no API token: set NECTAR_API_TOKEN or --token-file (an administrator generates one under "
                + "Configurações > Integrações > Gerar Token)")
    }

    private static func validate(_ configuration: ClientConfiguration) throws(APIError) {
        let refuse = ErrorMessages.configuration
        if configuration.token.contains(where: { $0.isNewline || $0 == "\0" }) {
            throw refuse("the API token contains a line break or NUL; copy it again without surrounding whitespace")
        }
        if let problem = ClientConfiguration.pageSizeProblem(configuration.pageSize, setting: "pageSize") { throw refuse(problem) }
        if configuration.concurrency < 1 { throw refuse("concurrency must be at least 1 request in flight") }
        if configuration.maxAttempts < 1 { throw refuse("maxAttempts must be at least 1 (the first try counts)") }
        if let rate = configuration.maxRequestsPerSecond, !(rate > 0 && rate.isFinite) {
            throw refuse("maxRequestsPerSecond must be a positive number, or nil for no limit")
        }
    }
}
