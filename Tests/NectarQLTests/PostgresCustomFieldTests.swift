import Foundation
import NectarCatalog
import NectarMock
import NectarQL
import PostgresTestSupport
import Testing

/// Custom fields in the PostgreSQL mirror, as in a SQLite snapshot: typed columns named as live,
/// their definitions in `_nectarql_custom_fields`, so a mirror answers custom-field queries like
/// the API; a change of the definitions reshapes the mirror's columns and reads the tables whole.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipNote))
struct PostgresCustomFieldTests {
    static let contactColumns = CustomFieldQueryTests.contactColumns

    @Test func aMirrorAnswersCustomFieldQueriesLikeLiveAndLikeTheFile() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await SnapshotFile.with { file in
                try await PostgresTestServer.withSchema { url, schema in
                    try await session.sync(file)
                    try await session.syncMirror(url)
                    let seed = try #require(Catalog.nectarCRM.table(named: "contatos")).columns.map(\.name)
                    let star = try await session.snapshotQuery("select * from contatos", from: url)
                    #expect(star.columns == seed + Self.contactColumns)
                    let statements = [
                        "select id, campo_regiao, campo_cliente_vip, campo_cliente_desde, campo_numero_de_funcionarios from contatos order by id",
                        "select campo_regiao, count(*) from contatos group by campo_regiao order by campo_regiao",
                        "select id, campo_valor_do_contrato, campo_data_de_renovacao, campo_contrato_assinado from oportunidades order by id",
                        "select id, campo_prioridade_interna from tarefas order by id",
                    ]
                    for sql in statements {
                        let live = try await session.rows(sql)
                        let sqlite = try await session.snapshotRows(sql, from: file)
                        let postgres = try await session.snapshotRows(sql, from: url)
                        #expect(!live.isEmpty, "\(sql)")
                        #expect(postgres == live, "\(sql)")
                        #expect(postgres == sqlite, "\(sql)")
                    }
                    let described = try await PostgresTestServer.rows(
                        "SELECT column_name, nome FROM \"\(schema)\"._nectarql_custom_fields WHERE table_name = 'tarefas'")
                    #expect(try described.map { try $0.decode((String, String).self) }.map { [$0.0, $0.1] } == [
                        ["campo_prioridade_interna", "Prioridade interna"]
                    ])
                }
            }
        }
    }

    @Test func aMirrorWhoseAccountGainsThenLosesCustomFieldsIsReshaped() async throws {
        try await MockSession.run(scale: 0.1, customFields: .forbidden) { session in
            try await PostgresTestServer.withSchema { url, schema in
                try await session.syncMirror(url)
                let seed = try #require(Catalog.nectarCRM.table(named: "contatos")).columns.map(\.name)
                func columns() async throws -> [String] {
                    try await session.snapshotQuery("select * from contatos limit 1", from: url).columns
                }
                #expect(try await columns() == seed)

                session.server.replaceDataset(session.dataset, customFields: .available)
                let gained = try await session.syncMirror(url)
                #expect(gained["contatos"]?.fullRead == true, "its rows lacked the new columns' values")
                #expect(gained["qualificacoes"]?.fullRead == false, "qualificacoes holds no custom fields")
                #expect(try await columns() == seed + Self.contactColumns)
                let filled = try await session.snapshotRows("select count(campo_valor_do_contrato) from oportunidades", from: url)
                #expect((filled[0][0].double ?? 0) > 0)

                session.server.replaceDataset(session.dataset, customFields: .forbidden)
                let lost = try await session.syncMirror(url)
                #expect(lost["contatos"]?.fullRead == true)
                #expect(try await columns() == seed)
                #expect(try await PostgresTestServer.integer("SELECT count(*) FROM \"\(schema)\"._nectarql_custom_fields") == 0)
            }
        }
    }
}
