import NIOCore
import NIOHTTP1
import NIOPosix

/// The fake NectarCRM API over HTTP/1.1 on 127.0.0.1 only, with keep-alive, fault injection and
/// counters. It stops on `stop()` or by itself after `maxLifetime`, so a forgotten server cannot linger.
///
/// Under `/crm/api/1/` (nectar-api.md, quirks included):
/// - `GET {endpoint}/` (slash optional) for the eight `MockEndpoint`s: `page` (1-based; `-1` lists the
///   first 200), `displayLength` (capped at 50, 20 when omitted), repeated `attribute=` projection,
///   and each endpoint's documented filters (`ListingFilter.supported`); `oportunidades/` without
///   `status` answers status 1 only. Undocumented parameters, `sequenciaAtual`, `secao` and
///   `listasIds` are ignored (they could only narrow). A malformed value answers 401.
/// - `GET {endpoint}/{id}`: the record, or a 404 JSON error.
/// - `contatos/email|telefone|cnpj|cpf/{key}`: one contact object (lowest id), or 404;
///   phone, CNPJ and CPF compare by digits.
/// - `oportunidades/contatoId/{id}` and `proposta/opportunity/{id}`: arrays, `[]` when none.
/// - `Access-Token` must equal the token (the `api_token` query form works but is counted).
public final class MockServer: Sendable {
    /// The token `--demo` and tests use; any request without it gets 401.
    public static let demoToken = "nectar-demo-token-0000"

    private let core: MockServerCore
    private let token: String
    private let maxLifetime: Duration
    private let state = Locked(RunState())

    private struct RunState {
        var group: MultiThreadedEventLoopGroup?
        var channel: Channel?
        var port = 0
        var stopped = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    public init(
        dataset: MockDataset, token: String = MockServer.demoToken, faults: FaultConfiguration = .init(),
        maxLifetime: Duration = .seconds(900), customFields: CustomFieldAccess = .available
    ) {
        core = MockServerCore(router: MockRouter(dataset: dataset, token: token, customFields: customFields), faults: faults)
        self.token = token
        self.maxLifetime = maxLifetime
    }

    /// Binds 127.0.0.1 (never other interfaces) on `port`, 0 for any free port; returns the bound port.
    public func start(port: Int = 0) async throws -> Int {
        guard !isRunning else { throw AlreadyStarted(port: self.port) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let core = self.core
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MockHTTPHandler(core: core))
                }
            }
        let channel: Channel
        do {
            channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        let boundPort = channel.localAddress?.port ?? port
        state.withLock { state in
            state.group = group
            state.channel = channel
            state.port = boundPort
        }
        group.next().scheduleTask(in: Self.timeAmount(maxLifetime)) { [self] in
            Task { await self.stop() }
        }
        return boundPort
    }

    /// `http://127.0.0.1:<port>/crm/api/1/`.
    public var baseURL: String {
        "http://127.0.0.1:\(port)\(MockRouter.basePath)"
    }

    public var port: Int { state.withLock { $0.port } }

    /// Serves `dataset` from the next request on, as the account would after its users edited,
    /// added and deleted records (`MockDataset.changing`); requests in flight finish on the old data.
    /// `customFields` changes whether the definitions can be read (an account that gains or loses
    /// them between two syncs); nil keeps the current access.
    public func replaceDataset(_ dataset: MockDataset, customFields: CustomFieldAccess? = nil) {
        let access = customFields ?? core.router.customFields
        core.setRouter(MockRouter(dataset: dataset, token: token, customFields: access))
    }

    /// Replaces the fault configuration; the PRNG restarts from the new seed.
    public func setFaults(_ faults: FaultConfiguration) {
        core.setFaults(faults)
    }

    public func statistics() -> MockStatistics { core.snapshot() }

    public func resetStatistics() { core.resetStatistics() }

    /// Closes the listener and every connection. Safe to call more than once.
    public func stop() async {
        let (channel, group, waiters) = state.withLock { state -> (Channel?, MultiThreadedEventLoopGroup?, [CheckedContinuation<Void, Never>]) in
            defer {
                state.channel = nil
                state.group = nil
                state.waiters = []
                state.stopped = true
            }
            return (state.channel, state.group, state.waiters)
        }
        try? await channel?.close()
        try? await group?.shutdownGracefully()
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the server has stopped (by `stop()` or at the end of its lifetime).
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyStopped = state.withLock { state -> Bool in
                if state.stopped { return true }
                state.waiters.append(continuation)
                return false
            }
            if alreadyStopped { continuation.resume() }
        }
    }

    public var isRunning: Bool { state.withLock { $0.channel != nil } }

    /// `start` was called on a server that is already listening.
    public struct AlreadyStarted: Error, CustomStringConvertible {
        public let port: Int
        public var description: String { "The fake API is already listening on port \(port); stop it before starting it again." }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let components = duration.components
        let seconds = max(0, min(components.seconds, 365 * 86_400))
        return .nanoseconds(seconds * 1_000_000_000 + max(0, components.attoseconds) / 1_000_000_000)
    }
}
