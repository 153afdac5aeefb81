import Foundation
import Testing

/// Piped standard input runs each statement as soon as it has arrived, as sqlite3 and psql do,
/// so a program can feed the shell statement by statement and read each answer.
@Suite struct StreamingInputTests {
    @Test func eachStatementIsAnsweredBeforeTheInputEnds() async throws {
        let shell = try ChildProcess.shell(["--demo", "--demo-latency-ms", "0"])
        shell.send("select 1 as um;\n")
        #expect(try await shell.waitFor("um\n1\n"), "the first answer must come while stdin is still open; got \(shell.stdout)")
        shell.send("select 2 as dois\n")  // the last statement may end without ';'
        shell.closeInput()
        #expect(try await shell.waitForExit(seconds: 30))
        #expect(shell.terminationStatus == 0)
        #expect(shell.stdout == "um\n1\ndois\n2\n")
    }

    @Test func inputThatIsNotUTF8StopsWithAUsageErrorNamingTheLine() async throws {
        var script = Data("select 1 as um;\nselect 'Jos".utf8)
        script.append(0xE9)  // Latin-1 é
        script.append(contentsOf: Array("';\n".utf8))
        let result = try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0"], stdinData: script)
        #expect(result.status == 2)
        #expect(result.stdout == "um\n1\n", "the statement before the bad line ran")
        #expect(result.stderr.contains("line 2 of standard input is not UTF-8"), "\(result.stderr)")
    }
}
