import NIOCore
import NIOHTTP1

/// One connection: reads a request, lets the core decide its fault, prepares the answer (or a
/// drop, throttle, failure or truncation), then sends it once the configured latency has passed.
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

    /// The answer is prepared when the request arrives and sent when its latency has passed, so
    /// the latency is the whole time to answer, as a client sees it, and the fake API's own work
    /// does not add to it (but for an endpoint's first request, which first indexes its records).
    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let request = MockRequest(method: head.method.rawValue, target: head.uri, accessToken: head.headers.first(name: "Access-Token"))
        let (decision, latency) = core.admit(request)
        let reply = reply(to: request, decision)
        guard latency > .zero else { return send(reply, head, context) }
        context.eventLoop.assumeIsolated().scheduleTask(in: latency) {
            self.send(reply, head, context)
        }
    }

    private enum Reply {
        case drop
        case whole(MockResponse)
        case truncated(MockResponse)
    }

    private func reply(to request: MockRequest, _ decision: FaultDecision) -> Reply {
        switch decision {
        case .drop:
            return .drop
        case .throttle, .rateLimit:
            let seconds = core.retryAfterSeconds
            var response = MockResponse.error(429, "Too many requests; retry after \(seconds) s.")
            response.headers.append(("Retry-After", String(seconds)))
            return .whole(response)
        case .serverError(let status):
            return .whole(.error(status, "Injected server error \(status)."))
        case .truncate:
            return .truncated(core.router.respond(to: request))
        case .none:
            return .whole(core.router.respond(to: request))
        }
    }

    private func send(_ reply: Reply, _ head: HTTPRequestHead, _ context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        switch reply {
        case .drop: context.close(promise: nil)
        case .whole(let response): write(response, head, context)
        case .truncated(let response): writeTruncated(response, head, context)
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
