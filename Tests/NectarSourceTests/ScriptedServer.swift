import NIOCore
import NIOHTTP1
import NIOPosix
@testable import NectarSource

/// A minimal HTTP server on 127.0.0.1 that answers every request with `respond`, and records the
/// request heads, for what the fake API does not do (403, odd headers, header checks).
final class ScriptedServer: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: [UInt8] = Array("[]".utf8)
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel: Channel
    let received: Locked<[HTTPRequestHead]>

    init(respond: @escaping @Sendable (HTTPRequestHead) -> Reply) async throws {
        let received = Locked<[HTTPRequestHead]>([])
        self.received = received
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(respond: respond, received: received))
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
        var head: HTTPRequestHead?

        init(respond: @escaping @Sendable (HTTPRequestHead) -> Reply, received: Locked<[HTTPRequestHead]>) {
            self.respond = respond
            self.received = received
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): self.head = head
            case .body: break
            case .end:
                guard let head else { return }
                received.withLock { $0.append(head) }
                let reply = respond(head)
                var headers = HTTPHeaders(reply.headers)
                headers.add(name: "Content-Length", value: String(reply.body.count))
                let status = HTTPResponseStatus(statusCode: reply.status)
                context.write(wrapOutboundOut(.head(.init(version: head.version, status: status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: reply.body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
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
    configuration.retryBudget = .seconds(5)
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
