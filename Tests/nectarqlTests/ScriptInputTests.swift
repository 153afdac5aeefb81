import Foundation
import Testing

/// Scripts as editors and shells hand them over: byte order marks, other encodings, pipes
/// instead of files, scripts that read scripts.
@Suite struct ScriptInputTests {
    private static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    @Test func aByteOrderMarkOnStandardInputIsSkipped() async throws {
        let result = try await ProcessRunner.run(
            ["--demo", "--demo-latency-ms", "0"], stdinData: Self.byteOrderMark + Data("select 1 as um;\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "um\n1\n")
    }

    @Test func aCommandThatIsNotUTF8IsRefusedNotRepaired() async throws {
        // `\351` is é in Latin-1, as a terminal set to ISO-8859-1 would pass it.
        let result = try await ThroughBash.run(#""$0" --demo -c "$(printf "select 'Jos\351' as nome")""#)
        #expect(result.status == 2, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("argument 3 of the command line is not UTF-8"), "\(result.stderr)")
    }

    @Test func aMissingScriptFileIsNamedAsMissing() async throws {
        let result = try await ProcessRunner.run(["--demo", "-f", "/nonexistent/query.nql"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'/nonexistent/query.nql': there is no such file"), "\(result.stderr)")
    }

    @Test func aDirectoryGivenAsScriptIsNamedAsADirectory() async throws {
        let result = try await ProcessRunner.run(["--demo", "-f", NSTemporaryDirectory()])
        #expect(result.status == 2)
        #expect(result.stderr.contains("it is a directory"), "\(result.stderr)")
    }

    @Test func aScriptFileThatIsNotUTF8NamesTheLine() async throws {
        let file = try TemporaryFile(contents: "")
        try (Data("select 1 as um;\nselect 'Jos".utf8) + Data([0xE9]) + Data("';\n".utf8)).write(to: URL(fileURLWithPath: file.path))
        let result = try await ProcessRunner.run(["--demo", "-f", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("line 2 is not UTF-8"), "\(result.stderr)")
    }

    @Test func devStdinIsAScriptFileToo() async throws {
        let result = try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0", "-f", "/dev/stdin"], stdin: "select 1 as um;\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "um\n1\n")
    }

    @Test func processSubstitutionWorks() async throws {
        let result = try await ThroughBash.run(#""$0" --demo --demo-latency-ms 0 -f <(echo "select 2 as dois;")"#)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "dois\n2\n")
    }

    @Test func aScriptThatReadsItselfStopsAtTheNestingLimit() async throws {
        let file = try TemporaryFile(contents: "")
        try ".read \(file.path)\n".write(toFile: file.path, atomically: false, encoding: .utf8)
        let result = try await ProcessRunner.run(["--demo", "-f", file.path], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stderr.contains("scripts nest more than 16 deep"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "error:").count == 2, "one message, not one per level: \(result.stderr)")
    }
}
