import Foundation
import Testing
import WorkbookReading

/// `nectarql` writing Excel workbooks: `-o`, `.output`/`.once` with a `.xlsx` name, one sheet
/// per statement named by a `-- sheet:` comment or the table, and xlsx refused on a terminal.
/// Serialized: each test starts a shell and the demo API, and the machine is shared.
@Suite(.serialized) struct WorkbookOutputTests {
    final class Scratch {
        let path = NSTemporaryDirectory() + "nectarql-xlsx-" + UUID().uuidString
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ name: String) -> String { path + "/" + name }

        func write(_ name: String, _ text: String) throws -> String {
            try text.write(toFile: file(name), atomically: true, encoding: .utf8)
            return file(name)
        }
    }

    static let demo = ["--demo", "--demo-latency-ms", "0", "--quiet"]

    static let weekly = """
        -- The weekly report.
        -- sheet: Receita por mês
        select date_trunc('month', datacriacao) as mes, count(*) as negocios, sum(valortotal) as receita
        from oportunidades where status = 2 group by date_trunc('month', datacriacao) order by mes;

        -- Five contacts (no sheet comment here: named after the table).
        select id, nome, datacriacao from contatos order by id limit 5;
        select nome from contatos order by id limit 2;
        .mode csv
        -- sheet: Tarefas: abertas/atrasadas
        select titulo, status = 0 as aberta from tarefas order by id limit 3;
        """

    @Test func aScriptBecomesOneWorkbookWithASheetPerStatement() async throws {
        let scratch = try Scratch()
        let script = try scratch.write("weekly.nql", Self.weekly)
        let output = scratch.file("weekly.xlsx")
        let result = try await ProcessRunner.run(Self.demo + ["-f", script, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let book = try WorkbookFile(path: output)
        #expect(book.sheetNames == ["Receita por mês", "contatos", "contatos (2)", "Tarefas abertasatrasadas"])

        let revenue = try book.sheet(0)
        #expect(revenue.cell("A1")?.value == "mes")
        #expect(book.numberFormat(style: try #require(revenue.cell("A2")).style) == "dd/mm/yyyy hh:mm")
        #expect(revenue.cell("B2")?.type == nil)
        #expect(book.numberFormat(style: try #require(revenue.cell("B2")).style) == "0")
        #expect(revenue.frozenRows == 1)

        let contacts = try book.sheet(1)
        #expect(contacts.cell("B2")?.type == "inlineStr")
        #expect(contacts.autoFilter == "A1:C6")
        #expect(try book.sheet(3).cell("B2")?.type == "b")
    }

    @Test func dotOutputWithAnXlsxNameWritesAWorkbookWhenItIsClosed() async throws {
        let scratch = try Scratch()
        let output = scratch.file("r.xlsx")
        let script = ".output \(output)\nselect nome from contatos limit 2;\nselect titulo from tarefas limit 2;\n.output\nselect 1 as um;\n"
        let result = try await ProcessRunner.run(Self.demo, stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines == ["um", "1"], "after .output the results are CSV on stdout again")
        #expect(try WorkbookFile(path: output).sheetNames == ["contatos", "tarefas"])
    }

    @Test func dotOnceWritesOnlyTheNextResultAsAWorkbook() async throws {
        let scratch = try Scratch()
        let output = scratch.file("once.XLSX")
        let result = try await ProcessRunner.run(Self.demo, stdin: ".once \(output)\nselect nome from contatos limit 2;\nselect 2 as dois;\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines == ["dois", "2"])
        let book = try WorkbookFile(path: output)
        #expect(book.sheetNames == ["contatos"])
        #expect(try book.sheet(0).cell("A3") != nil)
    }

    @Test func xlsxToRedirectedStandardOutputIsOneWorkbook() async throws {
        let result = try await ProcessRunner.run(Self.demo + ["--format", "xlsx", "-c", "select nome from contatos limit 1; select titulo from tarefas limit 1"])
        #expect(result.status == 0, "\(result.stderr)")
        let scratch = try Scratch()
        let path = scratch.file("stdout.xlsx")
        _ = FileManager.default.createFile(atPath: path, contents: result.stdoutData)
        #expect(try WorkbookFile(path: path).sheetNames == ["contatos", "tarefas"])
    }

    @Test func textAndAWorkbookNeverShareStandardOutput() async throws {
        let textFirst = try await ProcessRunner.run(Self.demo, stdin: "select 3 as c;\n.mode xlsx\nselect 6 as g;\n")
        #expect(textFirst.status == 2)
        #expect(textFirst.stdout == "c\n3\n", "the text stays a valid CSV: \(textFirst.stdout)")
        #expect(textFirst.stderr.contains("already holds text results"), "\(textFirst.stderr)")

        let workbookFirst = try await ProcessRunner.run(Self.demo, stdin: ".mode xlsx\nselect 6 as g;\n.mode csv\nselect 7 as h;\n")
        #expect(workbookFirst.status == 2)
        #expect(workbookFirst.stderr.contains("is this session's xlsx workbook"), "\(workbookFirst.stderr)")
        let scratch = try Scratch()
        let path = scratch.file("stdout.xlsx")
        _ = FileManager.default.createFile(atPath: path, contents: workbookFirst.stdoutData)
        #expect(try WorkbookFile(path: path).sheetNames.count == 1, "the workbook stays whole")
    }

    @Test func xlsxToATerminalIsRefusedWithAHint() async throws {
        let shell = try PseudoTerminal(arguments: Self.demo + ["--format", "xlsx", "-c", "select 1"], environment: ProcessRunner.cleanEnvironment())
        defer { shell.close() }
        try await shell.expect("-o report.xlsx")
        #expect(try await shell.waitForExit() == 2)
    }

    @Test func dotModeXlsxAtThePromptIsRefusedWithAHint() async throws {
        let scratch = try Scratch()
        let environment = ProcessRunner.cleanEnvironment(["NECTARQL_HISTORY": scratch.file("history"), "TERM": "dumb", "HOME": scratch.path])
        let shell = try PseudoTerminal(arguments: Self.demo, environment: environment)
        defer { shell.close() }
        var mark = try await shell.expect("nectarql> ")
        shell.type(".mode xlsx\r")
        mark = try await shell.expect("nectarql> ", after: mark)
        shell.type("select 1 as um;\r")
        mark = try await shell.expect(".once report.xlsx", after: mark)
        try await shell.expect("nectarql> ", after: mark)
        shell.type("\u{04}")
        #expect(try await shell.waitForExit() == 0)
    }

    @Test func xlsxIntoATextFileIsRefused() async throws {
        let scratch = try Scratch()
        let result = try await ProcessRunner.run(Self.demo, stdin: ".output \(scratch.file("out.txt"))\n.mode xlsx\nselect 1 as um;\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs a workbook of its own"))
    }

    @Test func dashOWorksForTextFormatsToo() async throws {
        let scratch = try Scratch()
        let output = scratch.file("out.json")
        let result = try await ProcessRunner.run(Self.demo + ["--format", "jsonl", "-o", output, "-c", "select 7 as n"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "{\"n\":7}\n")
    }

    @Test func aStatementThatFailsBeforeAnsweringLeavesTheOtherSheets() async throws {
        let scratch = try Scratch()
        let output = scratch.file("r.xlsx")
        let result = try await ProcessRunner.run(
            Self.demo + ["--continue-on-error", "-o", output, "-c", "select nome from contatos limit 1; select nada from contatos; select 1 as um"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nada"))
        #expect(try WorkbookFile(path: output).sheetNames == ["contatos", "Sheet"])
    }

    @Test func anUnwritableWorkbookPathIsAUsageError() async throws {
        let result = try await ProcessRunner.run(Self.demo + ["-o", "/nonexistent-dir/r.xlsx", "-c", "select 1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent-dir/r.xlsx"))
    }
}
