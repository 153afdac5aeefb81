import Foundation
import Testing

/// Paging as the shell's user meets it: a `limit` past the end of a table of whole pages, and
/// page sizes the API cannot honour.
@Suite struct PagingCommandLineTests {
    private func demo(_ arguments: [String]) async throws -> RunResult {
        try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0", "--csv"] + arguments, timeout: 30)
    }

    @Test("a limit past the end of 300 tarefas (six full pages) prints them all and exits")
    func limitPastTheEndExits() async throws {
        let result = try await demo(["-c", "select id from tarefas limit 301"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == 301, "a header and 300 tarefas")
    }

    @Test("--page-size above the API's 50 is a usage error that names the maximum", arguments: [51, 100, 200])
    func pageSizeAboveTheMaximumIsRefused(size: Int) async throws {
        let result = try await demo(["--page-size", String(size), "-c", "select count(*) from contatos"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "no answer from a truncated listing")
        #expect(result.stderr.contains("--page-size must be between 1 and 50"), "\(result.stderr)")
    }

    @Test("--page-size up to 50 reads whole listings")
    func pageSizeWithinTheMaximumCountsEveryRecord() async throws {
        for size in [50, 7] {
            let result = try await demo(["--page-size", String(size), "--no-header", "-c", "select count(*) from contatos"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutLines == ["600"], "--page-size \(size)")
        }
    }

    @Test func pageSizeZeroIsRefused() async throws {
        let result = try await demo(["--page-size", "0", "-c", "select 1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("between 1 and 50"))
    }
}
