import Foundation
import Testing

/// Every `examples/*.nql` runs against the demo API and answers with the columns it promises.
@Suite struct ExampleScriptTests {
    /// The header each example's answer must have; a new example needs a line here.
    static let expectedHeaders: [String: [String]] = [
        "pipeline_value_by_stage.nql": ["funil", "etapa", "oportunidades", "valor_total", "ticket_medio"],
        "won_revenue_by_month.nql": ["mes", "negocios_ganhos", "receita"],
        "win_rate_by_owner.nql": ["vendedor", "ganhas", "perdidas", "taxa_de_ganho_pct"],
        "overdue_tasks_by_owner.nql": ["responsavel", "tarefas_atrasadas", "prazo_mais_antigo"],
        "contacts_without_interaction_90_days.nql": ["nome", "email", "responsavel", "dias_sem_interacao"],
        "products_in_won_deals.nql": ["produto", "negocios", "unidades", "receita"],
        "proposals_awaiting_approval.nql": ["numero", "versao", "oportunidade", "autor", "datacriacao", "dataproposta"],
        "appointments_this_week.nql": ["datainicio", "datafim", "assunto", "cliente", "responsavel"],
        "qualification_funnel.nql": ["situacao", "qualificacoes"],
        "top_clients_by_revenue.nql": ["cliente", "responsavel", "negocios_ganhos", "receita"],
        "stalled_deals.nql": ["nome", "cliente", "etapa", "responsavel", "dias_na_etapa", "valortotal"],
        "contract_value_by_segment.nql": ["segmento_cliente", "negocios_ganhos", "valor_contratado"],
        "weekly_report.nql": ["mes", "negocios_ganhos", "receita"],
    ]

    /// Examples about "now" (this week) against the demo's fixed dates may rightly answer no rows;
    /// for them only the columns and the exit status are checked.
    static let dependsOnToday: Set<String> = ["appointments_this_week.nql"]

    static let directory = ShellBinary.packageRoot.appendingPathComponent("examples")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".nql") }.sorted()
    }

    @Test func thereAreAtLeastTenExamplesAndEachIsKnown() {
        #expect(Self.files.count >= 10)
        #expect(Set(Self.files) == Set(Self.expectedHeaders.keys))
    }

    @Test(arguments: ExampleScriptTests.files)
    func exampleStartsWithAComment(_ name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        #expect(text.hasPrefix("-- "), "\(name) should open with a comment saying what it answers")
    }

    @Test(arguments: ExampleScriptTests.files)
    func exampleAnswersWithItsColumns(_ name: String) async throws {
        let path = Self.directory.appendingPathComponent(name).path
        let result = try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0", "-f", path, "--format", "tsv"], timeout: 120)
        #expect(result.status == 0, "\(name): \(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.first?.split(separator: "\t").map(String.init) == Self.expectedHeaders[name], "\(name)")
        if !Self.dependsOnToday.contains(name) {
            #expect(lines.count > 1, "\(name) answered no rows against the demo data")
        }
    }
}
