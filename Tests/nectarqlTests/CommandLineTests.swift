import Foundation
import Testing

/// The command line without any API traffic: help, usage errors, the missing-token advice.
@Suite struct CommandLineTests {
    @Test func helpDocumentsTheExitCodes() throws {
        let result = try ProcessRunner.run(["--help"])
        #expect(result.status == 0)
        for code in ["0 ", "1 ", "2 ", "3 ", "130"] {
            #expect(result.stdout.contains(code), "--help should explain exit code \(code)")
        }
        #expect(result.stdout.contains("--demo"))
        #expect(result.stdout.contains("--token-file"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try ProcessRunner.run(["--demo", "--no-such-flag", "-c", "show tables"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try ProcessRunner.run(["--demo", "--format", "xml", "-c", "show tables"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
    }

    @Test func missingTokenExplainsHowToGetAndPassOne() throws {
        let result = try ProcessRunner.run(["-c", "show tables"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Configurações > Integrações > Gerar Token"))
        #expect(result.stderr.contains("NECTAR_API_TOKEN"))
        #expect(result.stderr.contains("--token-file"))
        #expect(result.stderr.contains("--demo"))
    }

    @Test func unreadableScriptFileIsAUsageError() throws {
        let result = try ProcessRunner.run(["--demo", "-f", "/nonexistent/query.nql"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/query.nql"))
    }
}
