import NIOCore
import NIOHTTP1
import NIOPosix
@testable import NectarSource

/// A minimal HTTP server on 127.0.0.1 that answers every request with `respond`, and records the
/// request heads and how many were in flight, for what the fake API does not do (403, odd
/// headers, stalled bodies, header checks).
final class ScriptedServer: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: [UInt8] = Array("[]".utf8)
        /// Held back this long before answering, to keep requests in flight.
        var delay: Duration = .zero
        /// Sends the head and half the body, then neither finishes nor closes.
        var stallsMidBody = false
        /// Sends the body one byte per interval: never silent long enough for a read timeout.
        var trickle: Duration?
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel: Channel
    let received: Locked<[HTTPRequestHead]>
    /// Requests received and not yet answered: now, and the most at any moment.
    let inFlight: Locked<(now: Int, peak: Int)>

    init(respond: @escaping @Sendable (HTTPRequestHead) -> Reply) async throws {
        let received = Locked<[HTTPRequestHead]>([])
        let inFlight = Locked((now: 0, peak: 0))
        self.received = received
        self.inFlight = inFlight
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        Handler(respond: respond, received: received, inFlight: inFlight))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    var baseURL: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)/crm/api/1/" }

    func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let respond: @Sendable (HTTPRequestHead) -> Reply
        let received: Locked<[HTTPRequestHead]>
        let inFlight: Locked<(now: Int, peak: Int)>
        var head: HTTPRequestHead?

        init(
            respond: @escaping @Sendable (HTTPRequestHead) -> Reply, received: Locked<[HTTPRequestHead]>,
            inFlight: Locked<(now: Int, peak: Int)>
        ) {
            self.respond = respond
            self.received = received
            self.inFlight = inFlight
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): self.head = head
            case .body: break
            case .end:
                guard let head else { return }
                received.withLock { $0.append(head) }
                inFlight.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
                let reply = respond(head)
                let (seconds, attoseconds) = reply.delay.components
                context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
                    self.inFlight.withLock { $0.now -= 1 }
                    self.answer(reply, to: head, context: context)
                }
            }
        }

        private func answer(_ reply: Reply, to head: HTTPRequestHead, context: ChannelHandlerContext) {
            guard context.channel.isActive else { return }
            var headers = HTTPHeaders(reply.headers)
            headers.add(name: "Content-Length", value: String(reply.body.count))
            let status = HTTPResponseStatus(statusCode: reply.status)
            context.write(wrapOutboundOut(.head(.init(version: head.version, status: status, headers: headers))), promise: nil)
            if reply.stallsMidBody {
                let half = Array(reply.body.prefix(reply.body.count / 2))
                context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: half)))), promise: nil)
                return
            }
            if let interval = reply.trickle {
                context.flush()
                trickle(reply.body[...], every: interval, context: context)
                return
            }
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: reply.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }

        /// One byte now and the rest later, until the body is sent or the client has gone.
        private func trickle(_ rest: ArraySlice<UInt8>, every interval: Duration, context: ChannelHandlerContext) {
            guard context.channel.isActive else { return }
            guard let byte = rest.first else {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: [byte])))), promise: nil)
            let (seconds, attoseconds) = interval.components
            context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
                self.trickle(rest.dropFirst(), every: interval, context: context)
            }
        }
    }
}

/// Runs `body` with a client of a scripted server, and stops both.
func withScriptedAPI<Result>(
    token: String = "scripted-token", configure: (inout ClientConfiguration) -> Void = { _ in },
    respond: @escaping @Sendable (HTTPRequestHead) -> ScriptedServer.Reply,
    _ body: (ScriptedServer, NectarClient) async throws -> Result
) async throws -> Result {
    let server = try await ScriptedServer(respond: respond)
    var configuration = ClientConfiguration(baseURL: server.baseURL, token: token)
    // Generous: on a loaded machine one round trip can take seconds, and these tests are not about
    // the budget (those set their own).
    configuration.retryBudget = .seconds(30)
    configure(&configuration)
    let client = try NectarClient(configuration: configuration)
    do {
        let result = try await body(server, client)
        await client.shutdown()
        await server.stop()
        return result
    } catch {
        await client.shutdown()
        await server.stop()
        throw error
    }
}
