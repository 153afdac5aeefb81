import Foundation
import NectarMock
import Testing

/// The token reaches the API and nothing else: not stdout, not stderr, not errors.
@Suite struct TokenSafetyTests {
    static let secret = "tok-7f3a9c2e51d84b06"

    /// Runs the shell against a fake API on 127.0.0.1 that expects `serverToken`.
    private func withServer(token serverToken: String, _ body: (String) async throws -> Void) async throws {
        let server = MockServer(
            dataset: MockDataset(seed: 3, scale: 0.2), token: serverToken, faults: FaultConfiguration(),
            maxLifetime: .seconds(600))
        try await server.serving { try await body($0.baseURL) }
    }

    @Test func aWorkingTokenIsNeverPrinted() async throws {
        try await withServer(token: Self.secret) { url in
            let result = try await ProcessRunner.run(
                ["--api-url", url, "-c", "select id, nome from contatos limit 3", "--csv"],
                environment: ProcessRunner.cleanEnvironment(["NECTAR_API_TOKEN": Self.secret]))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutLines.first == "id,nome")
            #expect(result.stdoutLines.count == 4)
            #expect(!result.stdout.contains(Self.secret))
            #expect(!result.stderr.contains(Self.secret))
        }
    }

    @Test func withContinueOnErrorARejectedTokenStillExitsThreeAfterAnEarlierMistake() async throws {
        try await withServer(token: "the-right-token") { url in
            let result = try await ProcessRunner.run(
                ["--api-url", url, "--continue-on-error", "-c", "select x from; select id from pipelines limit 1; select 2 as b"],
                environment: ProcessRunner.cleanEnvironment(["NECTAR_API_TOKEN": Self.secret]))
            #expect(result.status == 3, "the most serious failure decides: \(result.stderr)")
            #expect(result.stdoutLines == ["b", "2"])
        }
    }

    @Test func aRejectedTokenExitsThreeWithoutShowingIt() async throws {
        try await withServer(token: "the-right-token") { url in
            let result = try await ProcessRunner.run(
                ["--api-url", url, "-c", "select nome from contatos limit 3"],
                environment: ProcessRunner.cleanEnvironment(["NECTAR_API_TOKEN": Self.secret]))
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(!result.stderr.isEmpty)
            #expect(!result.stderr.contains(Self.secret))
        }
    }

    @Test func aSharedTokenFileIsWarnedAbout() async throws {
        let file = try TemporaryFile(contents: Self.secret + "\n", permissions: 0o644)
        try await withServer(token: Self.secret) { url in
            let result = try await ProcessRunner.run(["--api-url", url, "--token-file", file.path, "-c", "show tables"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("warning"))
            #expect(result.stderr.contains("chmod 600"))
            #expect(!result.stderr.contains(Self.secret))
        }
    }

    @Test func aPrivateTokenFileIsUsedQuietly() async throws {
        let file = try TemporaryFile(contents: Self.secret + "\n", permissions: 0o600)
        try await withServer(token: Self.secret) { url in
            let result = try await ProcessRunner.run(
                ["--api-url", url, "--token-file", file.path, "-c", "select nome from contatos limit 1"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(result.stdoutLines.count == 2)
        }
    }

    @Test func anUnreachableAPIExitsThree() async throws {
        let result = try await ProcessRunner.run(
            ["--api-url", "http://127.0.0.1:9/crm/api/1/", "-c", "select nome from contatos limit 1"],
            environment: ProcessRunner.cleanEnvironment(["NECTAR_API_TOKEN": Self.secret]))
        #expect(result.status == 3, "\(result.stderr)")
        #expect(!result.stderr.contains(Self.secret))
    }
}
