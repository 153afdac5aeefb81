import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// One HTTP exchange as the retry logic sees it.
struct RawResponse: Sendable {
    let status: Int
    let retryAfter: String?
    let body: [UInt8]
}

/// A failed exchange, already sorted into what the retry logic needs to know.
struct TransportFailure: Error, Sendable {
    let kind: FailureKind
    let detail: String
}

/// Sends authenticated GETs through AsyncHTTPClient and reads whole bodies (`BodyGatherer`).
/// Cancelling the calling task cancels the request in flight.
final class HTTPTransport: Sendable {
    private let client: HTTPClient
    /// Where the work around each page's request runs: the client's one event loop.
    let pageExecutor: EventLoopTaskExecutor
    private let headers: HTTPHeaders
    private let maxBodyBytes = 256 * 1024 * 1024

    /// `stallTimeout`: how long a connection may stay silent mid-answer before the exchange fails
    /// as a timeout (the request's own timeout, so a body that stops arriving fails in time).
    init(token: String, stallTimeout: Duration) {
        headers = [
            "Access-Token": token, "Content-Type": "application/json", "Accept": "application/json", "User-Agent": "nectarql",
        ]
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,  // a redirect must not carry the Access-Token elsewhere
            timeout: .init(connect: .seconds(10), read: .nanoseconds(stallTimeout.nanoseconds)))
        configuration.httpVersion = .automatic
        // Report a refused connection or an unknown host at once, with its cause; the retry logic
        // above decides what is worth another attempt.
        configuration.connectionPool.retryConnectionEstablishment = false
        // No tracer: AsyncHTTPClient otherwise opens a span per request on the global (no-op)
        // tracer and fills in its attributes, 4% of a scan's CPU for nothing recorded.
        configuration.tracing.tracer = nil
        // One loop of the shared group (clients take turns): its connections, and the tasks that
        // use them, stay on one thread.
        let loop = HTTPClient.defaultEventLoopGroup.next()
        pageExecutor = EventLoopTaskExecutor(loop: loop)
        client = HTTPClient(eventLoopGroup: loop, configuration: configuration)
    }

    /// One GET, its whole body read before `timeout` has passed.
    func get(_ url: String, timeout: Duration) async throws -> RawResponse {
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: url, method: .GET, headers: headers)
        } catch {
            throw TransportFailure(kind: .unreachable, detail: "\(url) is not a URL a request can be sent to (\(error))")
        }
        let exchange = client.execute(
            request: request, delegate: BodyGatherer(maxBodyBytes: maxBodyBytes, timeout: timeout), deadline: nil)
        do {
            return try await withTaskCancellationHandler {
                try await exchange.futureResult.get()
            } onCancel: {
                exchange.cancel()
            }
        } catch {
            // Cancellation shows up as assorted library errors; the caller must see it as such.
            try Task.checkCancellation()
            throw error as? TransportFailure ?? Self.classify(error)
        }
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Best effort from `deinit`, where awaiting is impossible.
    func shutdownInBackground() {
        client.shutdown { _ in }
    }

    /// Sorts a library error into a failure kind. Matching on descriptions keeps this module free
    /// of NIOPosix/NIOSSL types; the words matched are the ones those libraries print.
    static func classify(_ error: any Error) -> TransportFailure {
        let detail = String(describing: error)
        let lowered = (detail + " " + String(reflecting: type(of: error))).lowercased()
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
                return TransportFailure(kind: .timeout, detail: "no complete answer before the timeout")
            case .connectTimeout, .tlsHandshakeTimeout:
                return TransportFailure(kind: .unreachable, detail: "the connection could not be established in time")
            case .remoteConnectionClosed:
                return TransportFailure(kind: .droppedConnection, detail: "the server closed the connection")
            case .bodyLengthMismatch:
                return TransportFailure(kind: .truncatedBody, detail: "the body was shorter than announced")
            default:
                break
            }
        }
        let unreachableMarks = ["connectionrefused", "connection refused", "econnrefused", "dns", "resolution",
                                "nioconnectionerror", "ssl", "tls", "certificate", "unreachable", "no route"]
        if unreachableMarks.contains(where: lowered.contains) {
            return TransportFailure(kind: .unreachable, detail: NetworkErrorText.plain(detail))
        }
        if lowered.contains("parser") || lowered.contains("eof") || lowered.contains("invalideof") {
            return TransportFailure(kind: .truncatedBody, detail: "the response ended before it was complete")
        }
        return TransportFailure(kind: .droppedConnection, detail: NetworkErrorText.plain(detail))
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
