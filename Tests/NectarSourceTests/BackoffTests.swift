import Testing
@testable import NectarSource

@Suite struct BackoffTests {
    let backoff = Backoff()

    @Test func doublesFromAHundredMillisecondsUpToFiveSeconds() {
        let steps = (1...9).map { backoff.delay(beforeRetry: $0, jitter: 1) }
        #expect(steps == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800),
                          .milliseconds(1600), .milliseconds(3200), .seconds(5), .seconds(5), .seconds(5)])
    }

    @Test func jitterStaysInTheUpperHalfOfEachStep() {
        #expect(backoff.delay(beforeRetry: 3, jitter: 0) == .milliseconds(200))
        #expect(backoff.delay(beforeRetry: 3, jitter: 0.5) == .milliseconds(300))
        #expect(backoff.delay(beforeRetry: 100, jitter: 0) == .milliseconds(2500))
    }

    @Test func retryAfterWinsButNeverExceedsTheRemainingBudget() {
        #expect(Backoff.wait(retryAfter: .seconds(2), backoff: .milliseconds(100), remainingBudget: .seconds(10)) == .seconds(2))
        #expect(Backoff.wait(retryAfter: .seconds(30), backoff: .milliseconds(100), remainingBudget: .seconds(3)) == .seconds(3))
        #expect(Backoff.wait(retryAfter: nil, backoff: .milliseconds(400), remainingBudget: .seconds(3)) == .milliseconds(400))
        #expect(Backoff.wait(retryAfter: .zero, backoff: .milliseconds(400), remainingBudget: .seconds(3)) == .milliseconds(400))
        #expect(Backoff.wait(retryAfter: nil, backoff: .seconds(4), remainingBudget: .seconds(-1)) == .zero)
    }
}

@Suite struct RetryAfterTests {
    @Test func readsDelaySeconds() {
        #expect(RetryAfter.parse("3") == .seconds(3))
        #expect(RetryAfter.parse(" 0 ") == .zero)
        #expect(RetryAfter.parse("1.5") == .milliseconds(1500))
    }

    @Test func readsAnHTTPDateRelativeToNow() throws {
        let now = try #require(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: .init(timeIntervalSince1970: 784_111_770)))
        #expect(now == .seconds(7))
    }

    @Test(arguments: [nil, "", "soon", "-5", "nan"])
    func ignoresWhatItCannotRead(_ header: String?) {
        #expect(RetryAfter.parse(header) == nil)
    }
}
