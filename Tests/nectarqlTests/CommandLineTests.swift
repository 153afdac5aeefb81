import Foundation
import Testing

/// The command line without any API traffic: help, usage errors, the missing-token advice.
@Suite struct CommandLineTests {
    @Test func helpDocumentsTheExitCodes() async throws {
        let result = try await ProcessRunner.run(["--help"])
        #expect(result.status == 0)
        for code in ["0 ", "1 ", "2 ", "3 ", "4 ", "130"] {
            #expect(result.stdout.contains(code), "--help should explain exit code \(code)")
        }
        #expect(result.stdout.contains("--demo"))
        #expect(result.stdout.contains("--token-file"))
    }

    @Test func versionPrintsTheNameAndVersionAndSucceeds() async throws {
        let result = try await ProcessRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 1 && result.stdout.hasPrefix("nectarql "), "\(result.stdout)")
    }

    @Test func unknownOptionIsAUsageError() async throws {
        let result = try await ProcessRunner.run(["--demo", "--no-such-flag", "-c", "show tables"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func unknownFormatIsAUsageError() async throws {
        let result = try await ProcessRunner.run(["--demo", "--format", "xml", "-c", "show tables"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
    }

    @Test func missingTokenExplainsHowToGetAndPassOne() async throws {
        let result = try await ProcessRunner.run(["-c", "show tables"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Configurações > Integrações > Gerar Token"))
        #expect(result.stderr.contains("NECTAR_API_TOKEN"))
        #expect(result.stderr.contains("--token-file"))
        #expect(result.stderr.contains("--demo"))
    }

    @Test func unreadableScriptFileIsAUsageError() async throws {
        let result = try await ProcessRunner.run(["--demo", "-f", "/nonexistent/query.nql"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/query.nql"))
    }

    @Test(arguments: [
        ["-c", "select 1", "-c", "select 2"],
        ["-f", "/tmp/a.nql", "-f", "/tmp/b.nql"],
        ["-c", "select 1", "-f", "/tmp/a.nql"],
        ["--excel", "--json", "-c", "select 1"],
        ["--excel", "--format", "tsv", "-c", "select 1"],
    ])
    func conflictingOptionsAreUsageErrors(arguments: [String]) async throws {
        let result = try await ProcessRunner.run(["--demo"] + arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty, "nothing may run: \(result.stdout)")
    }

    @Test func excelWithCSVIsFine() async throws {
        let result = try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0", "--excel", "--format", "csv", "-c", "select 1 as um"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
