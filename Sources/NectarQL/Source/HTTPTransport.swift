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

/// Sends authenticated GETs through AsyncHTTPClient and reads whole bodies. Cancelling the
/// calling task cancels the request in flight (AsyncHTTPClient watches task cancellation).
final class HTTPTransport: Sendable {
    private let client: HTTPClient
    private let token: String
    private let maxBodyBytes = 256 * 1024 * 1024

    init(token: String) {
        self.token = token
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,  // a redirect must not carry the Access-Token elsewhere
            timeout: .init(connect: .seconds(10)))
        configuration.httpVersion = .automatic
        // Report a refused connection or an unknown host at once, with its cause; the retry logic
        // above decides what is worth another attempt.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// The body is gathered on the connection's event loop and handed over whole, in one hop to
    /// the caller's task: streaming it chunk by chunk into the task would wait for a free thread
    /// per chunk, while other pages decode on them.
    func get(_ url: String, timeout: Duration) async throws -> RawResponse {
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: url, method: .GET, headers: headers)
        } catch {
            throw TransportFailure(kind: .unreachable, detail: "the URL \(url) is not one a request can go to: \(error)")
        }
        let accumulator = ResponseAccumulator(request: request, maxBodySize: maxBodyBytes)
        // The deadline covers the whole exchange, body included.
        let deadline = NIODeadline.now() + .nanoseconds(timeout.nanoseconds)
        let exchange = client.execute(request: request, delegate: accumulator, deadline: deadline)
        do {
            let response = try await withTaskCancellationHandler {
                try await exchange.futureResult.get()
            } onCancel: {
                exchange.cancel()
            }
            return try Self.raw(response)
        } catch {
            // Cancellation shows up as assorted library errors; the caller must see it as such.
            try Task.checkCancellation()
            throw error as? TransportFailure ?? Self.classify(error)
        }
    }

    private var headers: HTTPHeaders {
        [
            "Access-Token": token, "Content-Type": "application/json", "Accept": "application/json",
            "User-Agent": "nectarql",
        ]
    }

    /// Checks the body against `Content-Length`: a short body is truncated.
    private static func raw(_ response: HTTPClient.Response) throws -> RawResponse {
        let bytes = response.body.map { Array($0.readableBytesView) } ?? []
        if let declared = response.headers.first(name: "Content-Length").flatMap({ Int($0) }), declared != bytes.count {
            throw TransportFailure(kind: .truncatedBody, detail: "received \(bytes.count) of \(declared) bytes")
        }
        return RawResponse(status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After"), body: bytes)
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
            return TransportFailure(kind: .unreachable, detail: detail)
        }
        if lowered.contains("parser") || lowered.contains("eof") || lowered.contains("invalideof") {
            return TransportFailure(kind: .truncatedBody, detail: "the response ended before it was complete")
        }
        return TransportFailure(kind: .droppedConnection, detail: detail)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
