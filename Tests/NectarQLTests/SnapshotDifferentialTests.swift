import Foundation
import NectarCatalog
import NectarMock
import NectarQL
import Testing

/// The same statements live and on a snapshot of the same data must answer the same: filters the
/// snapshot pushes into SQLite only narrow what the engine's own evaluation keeps.
@Suite struct SnapshotDifferentialTests {
    /// Statements across the planner's paths: pushed filters of every kind, lookups, the status
    /// fan-out, child tables, the parent and child read together, joins, grouping, NULL ordering,
    /// projection, limits, LIKE and dates in the session's zone.
    static func statements(_ data: MockDataset) -> [String] {
        func ids(_ endpoint: MockEndpoint, _ path: [String], _ count: Int) -> String {
            let all = data.records(endpoint).compactMap { $0[path: path]?.intValue }
            return stride(from: 0, to: all.count, by: max(1, all.count / count)).prefix(count).map { String(all[$0]) }.joined(separator: ", ")
        }
        let contatoWithAddresses = data.records(.contatos).first { ($0["enderecos"]?.elements?.count ?? 0) > 0 }?["id"]?.intValue ?? 0
        return [
            "select * from contatos",
            "select * from oportunidades",
            "select * from nectarcrm_contatos_enderecos",
            "select * from oportunidades_produtos",
            "select * from pipelines_sequencias",
            "select id, nome from contatos where constante in (0, 5) order by nome, id",
            "select id, valortotal from oportunidades where status = 2 and valortotal > 1000 order by valortotal desc, id",
            "select id from oportunidades where status in (2, 3) and datacriacao >= '2024-03-05 15:00' order by id",
            "select id from oportunidades where datalimite < '2026-06-01' and status = 1",
            "select id from contatos where dataatualizacao >= '2025-01-01' and dataatualizacao < '2026-07-01'",
            "select nome from contatos where nome like 'Ma%' order by nome",
            "select nome from contatos where nome like 'A%'",
            "select id from contatos where nome = 'Ana'",
            "select id, nome from contatos where id in (\(ids(.contatos, ["id"], 3)), 99999)",
            "select id from oportunidades where id = \(ids(.oportunidades, ["id"], 1))",
            "select id, cliente_nome from oportunidades where cliente_id in (\(ids(.oportunidades, ["cliente", "id"], 4))) order by id",
            "select id from oportunidades where responsavel_id in (\(ids(.oportunidades, ["responsavel", "id"], 2))) and status = 3",
            "select id from pipelines where tipo = 0",
            "select id from qualificacoes where status in (2, 6)",
            "select id, oportunidade_id from oportunidades_propostas where oportunidade_id in (\(ids(.proposta, ["oportunidade", "id"], 3)))",
            "select contato_id, enderecos_cep from contatos_enderecos where contato_id = \(contatoWithAddresses)",
            "select status, count(*), sum(valortotal), avg(probabilidade) from oportunidades group by status order by status",
            "select o.nome, p.nome, p.quantidade from oportunidades o join oportunidades_produtos p on p.id_oportunidade = o.id where o.status = 2 order by o.id, p.id",
            "select o.id, c.nome from oportunidades o join contatos c on c.id = o.cliente_id where o.status = 3 and o.valortotal > 5000 order by o.id",
            "select c.nome, count(*) from contatos c left join oportunidades o on o.cliente_id = c.id group by c.nome order by 2 desc, 1 limit 10",
            "select dataatualizacao, nome from contatos order by dataatualizacao desc nulls last, id limit 20",
            "select telefones, id from contatos order by telefones, id limit 30",
            "select id, titulo from tarefas order by id limit 5",
            "select count(*) from compromissos_participantes",
            "select count(*), count(e.contato_id), count(c.id) from contatos c left join contatos_enderecos e on e.contato_id = c.id",
            "select distinct etapaatual_nome from oportunidades where status = 1 order by 1",
        ]
    }

    /// Statements over the account's custom fields: every kind of column (number, date, yes/no,
    /// text, two names that slug alike), filtered, grouped, joined and read by `select *`.
    static let customFieldStatements = [
        "select * from compromissos",
        "select * from tarefas",
        "select id, campo_valor_do_contrato, campo_data_de_renovacao, campo_contrato_assinado, campo_probabilidade from oportunidades",
        "select id, campo_regiao, campo_regiao_2, campo_area_de_expansao_n, campo_origem_do_lead from contatos order by id",
        "select campo_segmento_de_atuacao, count(*), sum(campo_numero_de_funcionarios) from contatos group by campo_segmento_de_atuacao order by 1 nulls first",
        "select id, campo_cliente_desde from contatos where campo_cliente_desde >= '2020-01-01' order by campo_cliente_desde, id",
        "select count(*) from contatos where campo_cliente_vip",
        "select id from oportunidades where status = 2 and campo_valor_do_contrato > 1000 order by id",
        "select c.campo_regiao, count(*), sum(o.campo_valor_do_contrato) from oportunidades o join contatos c on c.id = o.cliente_id group by c.campo_regiao order by 1 nulls first",
        "select o.id, p.nome, o.campo_contrato_assinado from oportunidades o join oportunidades_produtos p on p.id_oportunidade = o.id where o.status = 3 order by o.id, p.id",
    ]

    @Test func everyStatementAnswersTheSameLiveAndFromTheSnapshot() async throws {
        try await MockSession.run(scale: 0.2) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file)
                try await Self.compare(Self.statements(session.dataset) + Self.customFieldStatements, session, file)
            }
        }
    }

    /// An account whose token cannot read the definitions (403), or whose API lacks them (404):
    /// the snapshot holds the seed's tables alone and still answers like the live API.
    @Test(arguments: [CustomFieldAccess.forbidden, .missing])
    func withoutCustomFieldsTheSnapshotStillAnswersTheSame(access: CustomFieldAccess) async throws {
        try await MockSession.run(scale: 0.1, customFields: access) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file)
                let columns = try await session.snapshotQuery("select * from contatos limit 1", from: file).columns
                #expect(columns == Catalog.nectarCRM.table(named: "contatos")?.columns.map(\.name))
                try await Self.compare(
                    ["select * from contatos", "select * from oportunidades", "select * from tarefas", "select * from compromissos"], session, file)
            }
        }
    }

    /// Runs each statement live, then on the snapshot, and requires the same rows (in order when
    /// the statement orders them) with no request from the snapshot side.
    private static func compare(_ statements: [String], _ session: MockSession, _ file: SnapshotFile) async throws {
        for sql in statements {
            let live: (columns: [String], rows: [[Value]])
            do {
                live = try await session.query(sql)
            } catch {
                Issue.record("live: \(sql): \(error)")
                continue
            }
            let before = session.engine.statistics().requests
            let snapshot = try await session.snapshotQuery(sql, from: file)
            #expect(session.engine.statistics().requests == before, "a snapshot query sent a request: \(sql)")
            #expect(snapshot.columns == live.columns, "\(sql)")
            if sql.contains("order by") {
                #expect(snapshot.rows == live.rows, "\(sql)")
            } else {
                #expect(sortedRows(snapshot.rows) == sortedRows(live.rows), "\(sql)")
            }
            #expect(!live.rows.isEmpty || sql.contains("'Ana'"), "a statement with no rows proves little: \(sql)")
        }
    }
}
