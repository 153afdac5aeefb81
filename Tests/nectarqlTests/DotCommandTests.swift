import Foundation
import Testing

/// Dot-commands in batch input, like sqlite3: listings, settings and `.read`.
@Suite struct DotCommandTests {
    private func demo(_ script: String) async throws -> RunResult {
        try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0", "-c", script])
    }

    @Test(arguments: [".read /nonexistent/s.nql", ".output /nonexistent/x.csv", ".output /nonexistent/x.xlsx", ".once /nonexistent/y.json"])
    func aFileThatCannotBeReadOrCreatedIsAUsageErrorAsOnTheCommandLine(command: String) async throws {
        let result = try await demo(command + "\nselect 1 as um;\n")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "the script stops there")
    }

    @Test func exitTakesNoCodeAndSaysSoInsteadOfIgnoringIt() async throws {
        let refused = try await demo("select 1 as um;\n.exit 7\nselect 2 as dois;\n")
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("no code"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("dois"), "a failed command stops the script")
        let plain = try await demo("select 1 as um;\n.exit\nselect 2 as dois;\n")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("um") && !plain.stdout.contains("dois"))
    }

    @Test func tablesListsEveryTableOnce() async throws {
        let result = try await demo(".tables")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == 16)
        #expect(result.stdoutLines.contains("oportunidades_propostas"))
    }

    @Test func schemaShowsATablesColumnsWithTypes() async throws {
        let result = try await demo(".schema tarefas")
        #expect(result.status == 0, "\(result.stderr)")
        for column in SeedSchema.columns(ofSection: "Tarefas") {
            #expect(result.stdout.contains("  \(column.name) \(column.type)"), "missing \(column.name)")
        }
    }

    @Test func schemaShowsCustomFieldsAfterTheSeedColumnsWithTheirLabels() async throws {
        let result = try await demo(".schema oportunidades")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        let custom = try #require(lines.firstIndex { $0.hasPrefix("  campo_") })
        #expect(lines[custom] == "  campo_valor_do_contrato float,  -- Valor do contrato (Moeda)")
        #expect(lines[..<custom].allSatisfy { !$0.contains("campo_") })
        #expect(lines.contains("  campo_probabilidade float  -- Probabilidade (%) (Fracionário)"))
    }

    @Test func statsCountUnreadableValuesAndValuesUnderUnknownLabels() async throws {
        let result = try await demo(".stats on\nselect campo_valor_do_contrato, campo_origem_do_lead from oportunidades join contatos on cliente_id where status = 2;")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("unreadable values (NULL)"), "\(result.stderr)")
        #expect(result.stderr.contains("custom-field values under unknown labels ignored"), "\(result.stderr)")
    }

    @Test func schemaOfAnUnknownTableSuggestsOne() async throws {
        let result = try await demo(".schema tarefa")
        #expect(result.status == 1)
        #expect(result.stderr.contains("tarefas"))
    }

    @Test func tzShowsAndChangesTheSessionZone() async throws {
        let result = try await demo(".tz\n.tz UTC\n.tz")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines == ["America/Sao_Paulo", "UTC"])
    }

    @Test func badArgumentsSayHowToUseTheCommand() async throws {
        let result = try await demo(".headers maybe")
        #expect(result.status == 1)
        #expect(result.stderr.contains("-c:1: error: usage: .headers on|off"))
    }

    @Test func readRunsAnotherScriptAndPlacesItsErrors() async throws {
        let inner = try TemporaryFile(contents: "show tables;\nselect nada from tarefas;\n")
        let result = try await demo(".read \(inner.path)")
        #expect(result.status == 1)
        #expect(result.stdoutLines.count == 17)
        #expect(result.stderr.hasPrefix("\(inner.path):2:8: error:"), "\(result.stderr)")
    }

    @Test func helpListsTheCommands() async throws {
        let result = try await demo(".help")
        #expect(result.status == 0)
        for command in [".tables", ".schema", ".mode", ".headers", ".output", ".once", ".read", ".timer", ".stats", ".cache", ".tz", ".quit"] {
            #expect(result.stdout.contains(command), "\(command) missing from .help")
        }
    }
}
