import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Gathers one response on the connection's event loop, straight into one array sized from
/// `Content-Length`, and hands it over complete.
///
/// It also keeps the exchange's deadline: a response that arrives bit by bit, each bit within
/// the client's read timeout, fails as a timeout once the deadline has passed. AsyncHTTPClient's
/// streaming API, used before, kept a deadline timer and started a task on the global pool for
/// every request; with the page's task on the same loop (`EventLoopTaskExecutor`), an answer
/// gathered here wakes no other thread.
///
/// AsyncHTTPClient calls a delegate on the request's event loop, one call at a time, so the
/// mutable state below is never touched concurrently.
final class BodyGatherer: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = RawResponse

    private let maxBodyBytes: Int
    private let deadline: NIODeadline
    private let timeout: Duration
    private var status = 0
    private var retryAfter: String?
    private var declaredLength: Int?
    private var body: [UInt8] = []

    init(maxBodyBytes: Int, timeout: Duration) {
        self.maxBodyBytes = maxBodyBytes
        self.deadline = NIODeadline.now() + .nanoseconds(timeout.nanoseconds)
        self.timeout = timeout
    }

    func didReceiveHead(task: HTTPClient.Task<RawResponse>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        if let late = failureIfLate(task) { return late }
        status = Int(head.status.code)
        retryAfter = head.headers.first(name: "Retry-After")
        declaredLength = head.headers.first(name: "Content-Length").flatMap { Int($0) }
        if let declaredLength, declaredLength > 0 { body.reserveCapacity(min(declaredLength, maxBodyBytes)) }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<RawResponse>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        if let late = failureIfLate(task) { return late }
        guard body.count + buffer.readableBytes <= maxBodyBytes else {
            return task.eventLoop.makeFailedFuture(
                TransportFailure(kind: .droppedConnection, detail: "the body is larger than \(maxBodyBytes) bytes"))
        }
        body.append(contentsOf: buffer.readableBytesView)
        return task.eventLoop.makeSucceededVoidFuture()
    }

    /// A body shorter than its `Content-Length` is truncated.
    func didFinishRequest(task: HTTPClient.Task<RawResponse>) throws -> RawResponse {
        if let declaredLength, declaredLength != body.count {
            throw TransportFailure(kind: .truncatedBody, detail: "received \(body.count) of \(declaredLength) bytes")
        }
        return RawResponse(status: status, retryAfter: retryAfter, body: body)
    }

    private func failureIfLate(_ task: HTTPClient.Task<RawResponse>) -> EventLoopFuture<Void>? {
        guard NIODeadline.now() > deadline else { return nil }
        return task.eventLoop.makeFailedFuture(TransportFailure(kind: .timeout, detail: "no complete answer within \(timeout)"))
    }
}
