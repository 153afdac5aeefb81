/// Performs one logical request: waits for a permit of the client's global limit and for the
/// rate limit, sends, and retries transient failures within the retry policy. It returns bytes;
/// decoding them is the caller's step, after the loop.
final class RequestExecutor: Sendable {
    enum Outcome: Sendable {
        /// A successful answer's body, whole, after `attempts` attempts.
        case body([UInt8], attempts: Int)
        /// HTTP 404 after `attempts` attempts (earlier ones may have failed transiently).
        case notFound(attempts: Int)
    }

    /// One attempt's verdict.
    private struct Failure {
        let kind: FailureKind
        var status: Int? = nil
        var retryAfter: Duration? = nil
        var detail = ""
    }

    private enum Attempt {
        case done(Outcome)
        case failed(Failure)
    }

    private let transport: HTTPTransport
    private let permits: AsyncSemaphore
    private let throttle: RequestThrottle?
    private let pause = ServerPause()
    private let policy: RetryPolicy
    private let timeout: Duration
    private let statistics: StatisticsRecorder

    init(
        transport: HTTPTransport, permits: AsyncSemaphore, throttle: RequestThrottle?, policy: RetryPolicy,
        timeout: Duration, statistics: StatisticsRecorder
    ) {
        self.transport = transport
        self.permits = permits
        self.throttle = throttle
        self.policy = policy
        self.timeout = timeout
        self.statistics = statistics
    }

    /// How long the server's `Retry-After` still holds every request off, if it does.
    var pauseRemaining: Duration? { pause.remaining }

    /// `isWhole` says whether a successful body arrived whole; one that did not is retried.
    /// `received` then sees it (a listing glances at it to decide whether to request its next page
    /// early) and says whether it started other work. `tally`, when given, counts every attempt
    /// sent, as the client's statistics do.
    func perform(
        _ target: RequestTarget, isWhole: @Sendable ([UInt8]) -> Bool, received: (@Sendable ([UInt8]) -> Bool)? = nil,
        tally: RequestTally? = nil
    ) async throws -> Outcome {
        let started = ContinuousClock.now
        var attempts = 0
        var failures: [ErrorMessages.Attempt] = []
        while true {
            attempts += 1
            let failure: Failure
            switch try await attemptOnce(target, isWhole: isWhole, received: received, tally: tally) {
            case .done(.notFound): return .notFound(attempts: attempts)
            case .done(.body(let body, _)): return .body(body, attempts: attempts)
            case .failed(let failed): failure = failed
            }
            let (kind, status, detail) = (failure.kind, failure.status, failure.detail)
            statistics.failed(kind)
            failures.append(ErrorMessages.Attempt(kind: kind, status: status))
            guard kind.isRetryable else {
                throw Self.finalError(kind, target: target, status: status, detail: detail, attempts: attempts)
            }
            let remaining = policy.budget - (ContinuousClock.now - started)
            let mayRetry = attempts < policy.maxAttempts && remaining > .zero
            guard mayRetry else {
                throw ErrorMessages.exhausted(target, failures: failures, elapsed: ContinuousClock.now - started)
            }
            let backoff = policy.backoff.delay(beforeRetry: attempts, jitter: policy.jitter())
            let wait = Backoff.wait(retryAfter: failure.retryAfter, backoff: backoff, remainingBudget: remaining)
            if kind == .rateLimited { pause.pause(for: wait) }
            try await Task.sleep(for: wait)
            statistics.retrying()
        }
    }

    private func attemptOnce(
        _ target: RequestTarget, isWhole: @Sendable ([UInt8]) -> Bool, received: (@Sendable ([UInt8]) -> Bool)?,
        tally: RequestTally?
    ) async throws -> Attempt {
        let response: RawResponse
        do {
            try await pause.waitWhilePaused()
            response = try await permits.withPermit {
                try await throttle?.waitForTurn()
                statistics.requestSent()
                tally?.requestSent()
                return try await transport.get(target.url, timeout: timeout)
            }
        } catch let failure as TransportFailure {
            return .failed(Failure(kind: failure.kind, detail: failure.detail))
        }
        statistics.received(bytes: response.body.count)
        let verdict = verdict(on: response, isWhole: isWhole)
        if case .done(.body(let body, _)) = verdict, received?(body) == true {
            // Lets the request the glance started go out before decoding takes this thread.
            await Task.yield()
        }
        return verdict
    }

    private func verdict(on response: RawResponse, isWhole: ([UInt8]) -> Bool) -> Attempt {
        switch response.status {
        case 200..<300:
            guard isWhole(response.body) else {
                return .failed(Failure(
                    kind: .truncatedBody, status: response.status,
                    detail: "\(response.body.count) bytes that end before their JSON does"))
            }
            return .done(.body(response.body, attempts: 0))
        case 404:
            return .done(.notFound(attempts: 0))
        case 401:
            return .failed(Failure(kind: .unauthorized, status: 401))
        case 403:
            return .failed(Failure(kind: .forbidden, status: 403))
        case 429:
            return .failed(Failure(
                kind: .rateLimited, status: 429, retryAfter: RetryAfter.parse(response.retryAfter),
                detail: "Retry-After: \(response.retryAfter ?? "absent")"))
        case 500, 502, 503, 504:
            return .failed(Failure(kind: .serverError, status: response.status, detail: "HTTP \(response.status)"))
        default:
            return .failed(Failure(kind: .unexpectedStatus, status: response.status))
        }
    }

    private static func finalError(
        _ kind: FailureKind, target: RequestTarget, status: Int?, detail: String, attempts: Int
    ) -> APIError {
        switch kind {
        case .unauthorized: ErrorMessages.unauthorized(target, attempts: attempts)
        case .forbidden: ErrorMessages.forbidden(target, attempts: attempts)
        case .unreachable: ErrorMessages.unreachable(target, detail: detail, attempts: attempts)
        default: ErrorMessages.unexpectedStatus(target, status: status ?? 0, attempts: attempts)
        }
    }
}
