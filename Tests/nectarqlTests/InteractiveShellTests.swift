import Foundation
import NectarMock
import Testing

/// The shell on a pseudo-terminal, driven by keystrokes: prompt, results, completion, history,
/// multi-line statements, Ctrl-C and Ctrl-D. Serialized: each test owns a terminal and a child.
@Suite(.serialized) struct InteractiveShellTests {
    static let prompt = "nectarql> "
    static let continuation = "...> "

    /// A fresh history location per test, so tests never read each other's (or the user's) history.
    final class Sandbox {
        let directory: String
        var historyPath: String { directory + "/history" }

        init() throws {
            directory = NSTemporaryDirectory() + "nectarql-repl-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: directory)
        }

        func start(latencyMilliseconds: Int = 0) throws -> PseudoTerminal {
            try start(arguments: ["--demo", "--demo-latency-ms", String(latencyMilliseconds)])
        }

        func start(arguments: [String], environment extra: [String: String] = [:]) throws -> PseudoTerminal {
            let environment = ProcessRunner.cleanEnvironment(
                ["NECTARQL_HISTORY": historyPath, "TERM": "dumb", "HOME": directory].merging(extra) { $1 })
            return try PseudoTerminal(arguments: arguments, environment: environment)
        }
    }

    @Test func answersAQueryAsATable() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect("generated")  // the demo banner
        try await shell.expect(Self.prompt)
        let before = shell.mark
        shell.type("select titulo from tarefas limit 2;\r")
        let end = try await shell.expect("(2 rows)", after: before)
        try await shell.expect(Self.prompt, after: end)
        shell.type("\u{04}")
        #expect(try await shell.waitForExit() == 0)
    }

    @Test func tabCompletesATableAndAColumn() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        var mark = shell.mark
        shell.type("select titulo from tare\t")
        try await shell.expect("tarefas", after: mark)
        shell.type("limit 1;\r")
        mark = try await shell.expect("(1 row)", after: mark)
        try await shell.expect(Self.prompt, after: mark)
        mark = shell.mark
        shell.type("select nome from contatos where diasseminter\t")
        try await shell.expect("diasseminteracao", after: mark)
        shell.type(">= 0 limit 1;\r")
        mark = try await shell.expect("(1 row)", after: mark)
        mark = try await shell.expect(Self.prompt, after: mark)
        // Dot-commands and their arguments complete too.
        shell.type(".mo\t")
        try await shell.expect(".mode", after: mark)
        shell.type("li\t")
        try await shell.expect("line", after: mark)
        shell.type("\rselect titulo from tarefas limit 1;\r")
        mark = try await shell.expect("titulo = ", after: mark)
        try await shell.expect(Self.prompt, after: mark)
    }

    @Test func tabCompletesACustomFieldBeforeAnyStatementRan() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        let mark = shell.mark
        shell.type("select nome from contatos where campo_cliente_v\t")
        try await shell.expect("campo_cliente_vip", after: mark)
        shell.type("limit 1;\r")
        let end = try await shell.expect("(1 row)", after: mark)
        try await shell.expect(Self.prompt, after: end)
    }

    @Test func aMultiLineStatementRunsAtTheSemicolonAndIsOneHistoryEntry() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        let mark = shell.mark
        // Each line leaves the statement unfinished, so Enter asks for more instead of running it.
        shell.type("select titulo, prioridade from\r")
        let continued = try await shell.expect(Self.continuation, after: mark)
        shell.type("tarefas where\r")
        try await shell.expect(Self.continuation, after: continued)
        shell.type("prioridade >= 0 limit 3;\r")
        let end = try await shell.expect("(3 rows)", after: mark)
        try await shell.expect(Self.prompt, after: end)
        shell.type("\u{04}")
        #expect(try await shell.waitForExit() == 0)
        let history = try String(contentsOfFile: sandbox.historyPath, encoding: .utf8)
        #expect(history.contains("select titulo, prioridade from\ntarefas where\nprioridade >= 0 limit 3;"))
    }

    @Test func aLineThatAlreadyParsesWaitsForItsSemicolon() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        let mark = shell.mark
        // The README's tour: a statement that would run as it stands goes on on the next line.
        shell.type("select titulo from tarefas\r")
        let continued = try await shell.expect(Self.continuation, after: mark)
        #expect(!shell.transcript[mark...].contains("rows)"), "nothing may run before the ';'")
        shell.type("where prioridade >= 0 limit 2;\r")
        let end = try await shell.expect("(2 rows)", after: continued)
        try await shell.expect(Self.prompt, after: end)
        shell.type(".quit\r")
        #expect(try await shell.waitForExit() == 0)
    }

    @Test func nullAndEmptyTextLookDifferentInATable() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        let mark = shell.mark
        shell.type("select nullif('a', 'a') as nada, '' as vazio from tarefas limit 1;\r")
        try await shell.expect(" NULL | \r\n(1 row)", after: mark)
    }

    @Test func outputToACSVFileWritesCSVEvenAtATerminal() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        var mark = shell.mark
        let target = sandbox.directory + "/tarefas.csv"
        for line in [".output \(target)", "select titulo from tarefas order by id limit 2;", ".output"] {
            shell.type(line + "\r")
            mark = try await shell.expect(Self.prompt, after: mark)
        }
        shell.type("select titulo from tarefas limit 1;\r")
        try await shell.expect("(1 row)", after: mark)  // back on the screen, as a table
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("titulo\n"), "\(written)")
        #expect(written.split(separator: "\n").count == 3)
    }

    @Test func aRetryAfterWaitShowsOnTheProgressLine() async throws {
        let server = MockServer(
            dataset: MockDataset(seed: 1, scale: 0.01), token: "progress-token",
            faults: FaultConfiguration(throttleRate: 1, retryAfterSeconds: 20), maxLifetime: .seconds(600))
        try await server.serving { server in
            let sandbox = try Sandbox()
            let shell = try sandbox.start(arguments: ["--api-url", server.baseURL], environment: ["NECTAR_API_TOKEN": "progress-token"])
            defer { shell.close() }
            try await shell.expect(Self.prompt)
            let mark = shell.mark
            shell.type("select titulo from tarefas;\r")
            try await shell.expect("the API asked to slow down", after: mark, timeout: 20)
            shell.type("\u{03}")
            try await shell.expect("interrupted", after: mark, timeout: 20)
        }
    }

    @Test func aMirrorURLsPasswordIsNeitherShownNorKeptInTheHistory() async throws {
        let sandbox = try Sandbox()
        do {
            let shell = try sandbox.start()
            defer { shell.close() }
            try await shell.expect(Self.prompt)
            // Port 1: nothing listens, so the dot-command fails, saying why, without the password.
            shell.type(".snapshot postgres://ana:Hunter2Secret@127.0.0.1:1/crm?schema=vendas\r")
            let end = try await shell.expect("cannot reach the PostgreSQL server")
            try await shell.expect(Self.prompt, after: end)
            shell.type("\u{04}")
            #expect(try await shell.waitForExit() == 0)
            #expect(shell.transcript.components(separatedBy: "Hunter2Secret").count - 1 == 1, "only the typed line's echo holds it")
        }
        let saved = try String(contentsOfFile: sandbox.historyPath, encoding: .utf8)
        #expect(saved.contains(".snapshot postgres://ana:***@127.0.0.1:1/crm?schema=vendas"))
        #expect(!saved.contains("Hunter2Secret"))
    }

    @Test func historySurvivesARestartAndIsPrivate() async throws {
        let sandbox = try Sandbox()
        do {
            let shell = try sandbox.start()
            defer { shell.close() }
            try await shell.expect(Self.prompt)
            shell.type("select titulo from tarefas limit 1;\r")
            var end = try await shell.expect("(1 row)")
            end = try await shell.expect(Self.prompt, after: end)
            // A line that holds the token is run but never written to the history.
            shell.type("select '\(MockServer.demoToken)' as t from tarefas limit 1;\r")
            end = try await shell.expect("(1 row)", after: end)
            try await shell.expect(Self.prompt, after: end)
            shell.type("\u{04}")
            #expect(try await shell.waitForExit() == 0)
        }
        let saved = try String(contentsOfFile: sandbox.historyPath, encoding: .utf8)
        #expect(saved.contains("select titulo from tarefas limit 1;"))
        #expect(!saved.contains("\(MockServer.demoToken)"))
        var info = stat()
        #expect(stat(sandbox.historyPath, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        let mark = shell.mark
        shell.type("\u{1B}[A")  // Up arrow: the previous session's statement comes back
        try await shell.expect("select titulo from tarefas limit 1;", after: mark)
        shell.type("\r")
        try await shell.expect("(1 row)", after: mark)
    }

    @Test func ctrlCCancelsASlowStatementAndTheShellCarriesOn() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start(latencyMilliseconds: 500)
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        var mark = shell.mark
        shell.type("select nome, valortotal from oportunidades;\r")
        try await shell.expect("fetching", after: mark, timeout: 20)  // the progress line on the terminal
        shell.type("\u{03}")
        mark = try await shell.expect("interrupted", after: mark, timeout: 20)
        mark = try await shell.expect(Self.prompt, after: mark)
        shell.type("select titulo from tarefas limit 1;\r")
        try await shell.expect("(1 row)", after: mark, timeout: 30)
    }

    @Test func ctrlCStopsATableBeingWrittenAndTheShellCarriesOn() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        var mark = shell.mark
        // Every column of every contato: megabytes of table, written at once when the rows are in.
        shell.type("select * from contatos;\r")
        // Once the table has begun, the test stops reading, so the shell waits on a full terminal.
        mark = try await shell.expect("autor_login", after: mark, timeout: 30)
        shell.type("\u{03}")
        mark = try await shell.expect("stopped while being written", after: mark, timeout: 20)
        mark = try await shell.expect(Self.prompt, after: mark)
        #expect(!shell.transcript.contains("(600 rows)"), "the table should have been cut short")
        shell.type("select titulo from tarefas limit 1;\r")
        try await shell.expect("(1 row)", after: mark, timeout: 30)
    }

    @Test func ctrlCAtThePromptDropsTheLine() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        var mark = shell.mark
        shell.type("select this is not finished")
        try await shell.expect("not finished", after: mark)
        shell.type("\u{03}")
        mark = try await shell.expect(Self.prompt, after: mark)
        shell.type("select titulo from tarefas limit 1;\r")
        mark = try await shell.expect("(1 row)", after: mark)
        #expect(!shell.transcript.contains("error"))
        try await shell.expect(Self.prompt, after: mark)
        shell.type(".quit\r")
        #expect(try await shell.waitForExit() == 0)
    }

    @Test func sigtermAtThePromptGivesTheTerminalBackAndEndsByTheSignal() async throws {
        let sandbox = try Sandbox()
        let shell = try sandbox.start()
        defer { shell.close() }
        try await shell.expect(Self.prompt)
        shell.type("select half a line")
        try await shell.expect("half a line")
        #expect(!shell.terminalEchoes, "readline keeps the terminal in raw mode at the prompt")
        kill(shell.pid, SIGTERM)
        #expect(try await shell.waitForExit() != nil)
        #expect(shell.terminatingSignal == SIGTERM)
        #expect(shell.terminalEchoes, "the terminal must echo again once the shell is gone")
    }
}
