import Foundation
import Testing

/// `-c`, `-f` and piped stdin against the built-in demo API: formats, dot-commands, errors and exit codes.
@Suite struct BatchModeTests {
    private func demo(_ arguments: [String], stdin: String = "") async throws -> RunResult {
        try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0"] + arguments, stdin: stdin)
    }

    @Test func describeListsTheSeedColumnsInSeedOrderThenTheCustomFields() async throws {
        let result = try await demo(["-c", "describe contatos", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let seed = SeedSchema.columns(ofSection: "Contatos")
        #expect(seed.count == 72)
        let lines = result.stdoutLines
        #expect(Array(lines.prefix(seed.count + 1)) == ["column,type,label"] + seed.map { "\($0.name),\($0.type)," })
        #expect(Array(lines.dropFirst(seed.count + 1)) == [
            "campo_numero_de_funcionarios,float,Número de funcionários (Número)",
            "campo_cliente_desde,text,Cliente desde (Texto)",
            "campo_segmento_de_atuacao,text,Segmento de atuação (Lista de opções)",
            "campo_regiao,text,Região (Texto)",
            "campo_regiao_2,text,Regiao (Texto)",
            "campo_area_de_expansao_n,float,Área 🚀 de expansão (nº) (Número)",
            "campo_cliente_vip,boolean,Cliente VIP (Booleano)",
            "campo_origem_do_lead,text,Origem do lead (Radio)",
        ])
    }

    @Test func customFieldsFilterAndGroupInEveryFormat() async throws {
        let query = "select campo_regiao_2 as uf, count(*) as n from contatos where campo_regiao = 'Sul' group by uf order by uf"
        let csv = try await demo(["-c", query, "--csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdoutLines.first == "uf,n")
        #expect(csv.stdoutLines.count > 3)
        for format in ["table", "tsv", "json", "jsonl", "markdown", "line"] {
            let result = try await demo(["-c", query, "--format", format])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains("uf") && result.stdout.contains("RS"), "\(format): \(result.stdout)")
        }
    }

    @Test func showTablesListsTheSixteenTables() async throws {
        let result = try await demo(["-c", "show tables;", "--csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.count == 17, "a header and 16 tables, got \(lines)")
        #expect(lines.dropFirst().contains { $0.hasPrefix("contatos") })
        #expect(lines.dropFirst().contains { $0.hasPrefix("oportunidades") })
    }

    @Test func outputIsCSVWhenStdoutIsNotATerminal() async throws {
        let result = try await demo(["-c", "show tables"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("|"), "table drawing on a pipe")
        #expect(result.stdoutLines.count == 17)
    }

    @Test func noHeaderLeavesOutTheHeaderRow() async throws {
        let result = try await demo(["-c", "show tables", "--csv", "--no-header"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == 16)
    }

    @Test func jsonIsOneArrayOfObjects() async throws {
        let result = try await demo(["-c", "describe tarefas", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let rows = try #require(parsed)
        #expect(rows.count == SeedSchema.columns(ofSection: "Tarefas").count + 1, "the seed's columns and one custom field")
        #expect(rows.first?["column"] as? String == "id")
        #expect(rows.last?["label"] as? String == "Prioridade interna (Radio)")
        #expect(rows.first?["type"] as? String == "float")
    }

    @Test func jsonlIsOneObjectPerLine() async throws {
        let result = try await demo(["-c", "describe tarefas", "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.count == SeedSchema.columns(ofSection: "Tarefas").count + 1)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test func tsvSeparatesWithTabs() async throws {
        let result = try await demo(["-c", "describe tarefas", "--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.first == "column\ttype\tlabel")
    }

    @Test func statementsArePipedThroughStdin() async throws {
        let result = try await demo([], stdin: "-- two statements\nshow tables;\ndescribe tarefas;\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == 17 + 1 + SeedSchema.columns(ofSection: "Tarefas").count + 1)
    }

    @Test func scriptFileRuns() async throws {
        let file = try TemporaryFile(contents: "show tables;\n")
        let result = try await demo(["-f", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == 17)
    }

    @Test func dotCommandsWorkInScripts() async throws {
        let result = try await demo(["-c", ".mode json\n.headers off\nshow tables;\n.mode csv\nshow tables;"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("["))
        #expect(result.stdout.contains("\"contatos\""))
        #expect(result.stdoutLines.suffix(16).allSatisfy { !$0.contains("{") }, "csv after .mode csv, without header")
    }

    @Test func onceSendsOneResultToAFileAndTimerAndStatsGoToStderr() async throws {
        let target = try TemporaryFile(contents: "")
        let result = try await demo(["-c", ".timer on\n.stats on\n.once \(target.path)\nselect titulo from tarefas limit 3;\nselect count(*) as n from tarefas;"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try String(contentsOfFile: target.path, encoding: .utf8)
        #expect(file.split(separator: "\n").count == 4, "header and three rows in the .once file: \(file)")
        #expect(result.stdoutLines.first == "n", "the second result goes back to stdout")
        #expect(result.stderr.contains("Run Time"))
        #expect(result.stderr.contains("requests"))
    }

    @Test func outputRedirectsUntilTurnedOff() async throws {
        let target = try TemporaryFile(contents: "")
        let result = try await demo(["-c", ".output \(target.path)\nshow tables;\n.output\ndescribe tarefas;"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try String(contentsOfFile: target.path, encoding: .utf8)
        #expect(file.split(separator: "\n").count == 17)
        #expect(result.stdoutLines.first == "column,type,label")
    }

    @Test func outputToAFileTakesTheFormatFromItsExtensionUnlessOneWasChosen() async throws {
        let directory = NSTemporaryDirectory() + "nectarql-output-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let query = "select titulo from tarefas order by id limit 2;"
        let chosen = try await demo(["-c", ".output \(directory)/a.json\n\(query)\n.once \(directory)/b.md\n\(query)"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let json = try Data(contentsOf: URL(fileURLWithPath: directory + "/a.json"))
        #expect((try JSONSerialization.jsonObject(with: json) as? [[String: Any]])?.count == 2)
        #expect(try String(contentsOfFile: directory + "/b.md", encoding: .utf8).hasPrefix("| titulo |"))
        let explicit = try await demo(["--csv", "-c", ".output \(directory)/c.json\n\(query)"])
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(try String(contentsOfFile: directory + "/c.json", encoding: .utf8).hasPrefix("titulo\n"), "--csv was chosen")
    }

    @Test func explainInCSVModePrintsPlainLines() async throws {
        let result = try await demo(["--csv", "-c", "explain select nome from contatos where nome = 'Ana, a \"primeira\"'"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.first != "plan", "no CSV header: \(lines)")
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Scan contatos") }, "\(lines)")
        #expect(lines.allSatisfy { !$0.hasPrefix("\"") }, "no CSV quoting: \(lines)")
        #expect(result.stdout.contains("Ana, a \"primeira\""), "text shown as is: \(result.stdout)")
    }

    @Test func unknownDotCommandSuggestsTheClosest() async throws {
        let result = try await demo(["-c", ".mdoe csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(".mode"))
    }

    @Test func syntaxErrorIsPlacedWithACaret() async throws {
        let result = try await demo(["-c", "show tables;\nselect nome from contatos where;"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("-c:2:") == true, "\(result.stderr)")
        #expect(lines.first?.contains("error:") == true)
        #expect(lines.count >= 3)
        #expect(lines.dropFirst().first == "select nome from contatos where;")
        #expect(lines.dropFirst(2).first?.trimmingCharacters(in: .whitespaces) == "^")
    }

    @Test func fileErrorsNameTheFile() async throws {
        let file = try TemporaryFile(contents: "\n\nselect nome frm contatos;\n")
        let result = try await demo(["-f", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file.path):3:"), "\(result.stderr)")
    }

    @Test func stdinErrorsSayStdin() async throws {
        let result = try await demo([], stdin: "select from;\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("stdin:1:"), "\(result.stderr)")
    }

    @Test func batchStopsAtTheFirstFailure() async throws {
        let result = try await demo(["-c", "select nme from contatos; show tables"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("-c:1:"))
    }

    @Test func ctrlCStopsABatchRunWithStatus130() async throws {
        let result = try await ProcessRunner.run(
            ["--demo", "--demo-latency-ms", "500", "-c", "select nome from oportunidades; show tables"], interruptAfter: 1.5)
        #expect(result.status == 130, "\(result.stderr)")
        #expect(!result.stdout.contains("tarefas"), "the statements after the interrupted one must not run")
    }

    @Test func continueOnErrorRunsTheRestButStillFails() async throws {
        let result = try await demo(["--continue-on-error", "-c", "select nme from contatos; show tables"])
        #expect(result.status == 1)
        #expect(result.stdoutLines.count == 17)
    }

    @Test func theDemoDataIsTheSameInEveryRunOfTheDay() async throws {
        // Anchored to the day, not the second: two runs a moment apart answer alike.
        let query = ["-c", "select id, datacriacao from contatos order by id limit 3"]
        let first = try await demo(query)
        try await Task.sleep(for: .milliseconds(1100))
        let second = try await demo(query)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
    }
}

/// A file in the temporary directory, removed when the value goes away.
final class TemporaryFile {
    let path: String

    init(contents: String, permissions: Int = 0o600) throws {
        path = NSTemporaryDirectory() + "nectarql-test-" + UUID().uuidString
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode_t(permissions))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
