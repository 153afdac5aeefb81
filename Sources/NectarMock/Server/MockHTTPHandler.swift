import NIOCore
import NIOHTTP1

/// One connection: reads a request, lets the core decide its fault, waits the configured
/// latency, then answers (or drops, throttles, fails or truncates) on the connection's event loop.
final class MockHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let core: MockServerCore
    private var head: HTTPRequestHead?

    init(core: MockServerCore) {
        self.core = core
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            handle(head, context: context)
        }
    }

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let request = MockRequest(method: head.method.rawValue, target: head.uri, accessToken: head.headers.first(name: "Access-Token"))
        let (decision, latency) = core.admit(request)
        guard latency > .zero else { return perform(decision, request, head, context) }
        context.eventLoop.assumeIsolated().scheduleTask(in: latency) {
            self.perform(decision, request, head, context)
        }
    }

    private func perform(_ decision: FaultDecision, _ request: MockRequest, _ head: HTTPRequestHead, _ context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        switch decision {
        case .drop:
            context.close(promise: nil)
        case .throttle, .rateLimit:
            let seconds = core.retryAfterSeconds
            var response = MockResponse.error(429, "Too many requests; retry after \(seconds) s.")
            response.headers.append(("Retry-After", String(seconds)))
            write(response, head, context)
        case .serverError(let status):
            write(.error(status, "Injected server error \(status)."), head, context)
        case .truncate:
            writeTruncated(core.router.respond(to: request), head, context)
        case .none:
            write(core.router.respond(to: request), head, context)
        }
    }

    private func responseHead(_ response: MockResponse, _ request: HTTPRequestHead) -> HTTPResponseHead {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(response.body.count))
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        if !request.isKeepAlive { headers.add(name: "Connection", value: "close") }
        return HTTPResponseHead(version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
    }

    private func write(_ response: MockResponse, _ request: HTTPRequestHead, _ context: ChannelHandlerContext) {
        core.recordResponse(status: response.status, bodyBytes: response.body.count)
        context.write(wrapOutboundOut(.head(responseHead(response, request))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !request.isKeepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// Announces the whole body's length, writes about half of it, and closes the connection.
    private func writeTruncated(_ response: MockResponse, _ request: HTTPRequestHead, _ context: ChannelHandlerContext) {
        let part = Array(response.body.prefix(max(0, response.body.count / 2)))
        core.recordResponse(status: response.status, bodyBytes: part.count)
        context.write(wrapOutboundOut(.head(responseHead(response, request))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: part)))))
            .whenComplete { _ in channel.close(promise: nil) }
    }
}
