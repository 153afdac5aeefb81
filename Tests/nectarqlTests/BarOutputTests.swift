import Foundation
import Testing

/// `--format bar` and `.mode bar` from the shell: Unicode blocks in a UTF-8 locale, ASCII otherwise or with --ascii.
/// Serialized: each test starts a shell and the demo API, and the machine is shared.
@Suite(.serialized) struct BarOutputTests {
    static let query = "select responsavel_nome as vendedor, sum(valortotal) as receita from oportunidades where status = 2 group by responsavel_nome order by receita desc"
    static let demo = ["--demo", "--demo-latency-ms", "0", "--quiet"]

    func run(_ arguments: [String], locale: [String: String]) async throws -> RunResult {
        var environment = ProcessRunner.cleanEnvironment()
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] { environment.removeValue(forKey: key) }
        environment.merge(locale) { $1 }
        return try await ProcessRunner.run(Self.demo + arguments, environment: environment)
    }

    @Test func barsUseBlocksInAUTF8Locale() async throws {
        let result = try await run(["--format", "bar", "-c", Self.query], locale: ["LANG": "pt_BR.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.first?.hasPrefix("vendedor") == true)
        #expect(lines.first?.hasSuffix("receita") == true)
        #expect(lines.dropFirst().allSatisfy { $0.contains("│") })
        #expect(lines[1].contains("████"), "the largest bar is long")
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func barsAreASCIIWhenTheLocaleIsNotUTF8OrAsked() async throws {
        for (arguments, locale) in [([String](), ["LC_ALL": "C"]), (["--ascii"], ["LANG": "pt_BR.UTF-8"]), ([], [:])] {
            let result = try await run(arguments + ["--format", "bar", "-c", Self.query], locale: locale)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("|####"), "\(arguments) \(locale)")
            #expect(!result.stdout.contains("█"))
        }
    }

    @Test func dotModeBarChartsTheNextResult() async throws {
        let piped = try await ProcessRunner.run(
            Self.demo, stdin: ".mode bar\nselect status, count(*) as n from oportunidades group by status order by status;\n",
            environment: ProcessRunner.cleanEnvironment(["LC_ALL": "C.UTF-8"]))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdoutLines.count == 6)
        #expect(piped.stdoutLines.dropFirst().allSatisfy { $0.contains("│") })
    }

    /// Examples whose comment says they are best seen as bars.
    static var barExamples: [String] {
        ExampleScriptTests.files.filter { name in
            let text = (try? String(contentsOf: ExampleScriptTests.directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return text.contains("Best seen as bars")
        }
    }

    @Test func atLeastTwoExamplesAreBestSeenAsBars() {
        #expect(Self.barExamples.count >= 2)
    }

    @Test(arguments: BarOutputTests.barExamples)
    func aBarExampleDrawsBars(_ name: String) async throws {
        let path = ExampleScriptTests.directory.appendingPathComponent(name).path
        let result = try await run(["-f", path, "--format", "bar"], locale: ["LANG": "pt_BR.UTF-8"])
        #expect(result.status == 0, "\(name): \(result.stderr)")
        #expect(result.stdoutLines.count > 2)
        #expect(result.stdoutLines.dropFirst().filter { !$0.hasPrefix("(") }.allSatisfy { $0.contains("│") }, "\(name)")
        #expect(result.stdout.contains("█"), "\(name)")
    }

    @Test func aResultWithoutNumbersSaysWhatToDo() async throws {
        let result = try await run(["--format", "bar", "-c", "select nome from contatos limit 2"], locale: [:])
        #expect(result.status == 1)
        #expect(result.stderr.contains("numeric column"))
    }
}
