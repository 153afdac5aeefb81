import Foundation
import NectarCatalog
import NectarMock
import NectarQL
import Testing

/// Custom fields in a snapshot: stored as typed columns with their definitions, so snapshot
/// queries see them without a request; a change of the definitions reshapes the columns on the
/// next sync and reads the affected tables whole (their stored rows lack the new values).
@Suite struct SnapshotCustomFieldTests {
    static let contactColumns = CustomFieldQueryTests.contactColumns

    @Test func aSnapshotQueryReadsTheStoredCustomColumnsWithoutARequest() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file)
                let seed = try #require(Catalog.nectarCRM.table(named: "contatos")).columns.map(\.name)
                session.server.resetStatistics()
                let star = try await session.snapshotQuery("select * from contatos", from: file)
                #expect(star.columns == seed + Self.contactColumns)
                #expect(session.server.statistics().requests == 0)
                let regions = try await session.snapshotRows("select count(campo_regiao) from contatos", from: file)
                #expect((regions[0][0].double ?? 0) > 0, "the values are stored, not just the columns")
                let described = try file.sqliteRows("SELECT column_name, nome FROM _nectarql_custom_fields WHERE table_name = 'tarefas'")
                #expect(described == [[.text("campo_prioridade_interna"), .text("Prioridade interna")]])
            }
        }
    }

    @Test func customDatesAnswerAsLiveInAZoneOtherThanTheSyncs() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await SnapshotFile.with { file in
                session.engine.setTimeZone(TimeZone(identifier: "America/Sao_Paulo")!)
                try await session.sync(file)
                session.engine.setTimeZone(TimeZone(identifier: "Asia/Tokyo")!)
                let sql = "select id, campo_data_de_renovacao from oportunidades where campo_data_de_renovacao is not null order by id"
                let live = try await session.rows(sql)
                #expect(!live.isEmpty)
                #expect(try await session.snapshotRows(sql, from: file) == live)
                let id = try #require(live[0][0].double.map { Int($0) })
                let shown = try await session.rows("select cast(campo_data_de_renovacao as text) from oportunidades where id = \(id)")
                guard case .text(let day)? = shown.first?.first else { Issue.record("no date text: \(shown)"); return }
                let filter = "select count(*) from oportunidades where campo_data_de_renovacao = '\(day)'"
                #expect(try await session.snapshotRows(filter, from: file) == (try await session.rows(filter)))
            }
        }
    }

    @Test func anAccountThatGainsThenLosesCustomFieldsReshapesTheSnapshot() async throws {
        try await MockSession.run(scale: 0.1, customFields: .forbidden) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file)
                let seed = try #require(Catalog.nectarCRM.table(named: "contatos")).columns.map(\.name)
                #expect(try await session.snapshotQuery("select * from contatos limit 1", from: file).columns == seed)

                session.server.replaceDataset(session.dataset, customFields: .available)
                let gained = try await session.sync(file)
                #expect(gained["contatos"]?.fullRead == true, "its rows lacked the new columns' values")
                #expect(gained["oportunidades"]?.fullRead == true)
                #expect(gained["qualificacoes"]?.fullRead == false, "qualificacoes holds no custom fields")
                #expect(try await session.snapshotQuery("select * from contatos limit 1", from: file).columns == seed + Self.contactColumns)
                let filled = try await session.snapshotRows("select count(campo_valor_do_contrato) from oportunidades", from: file)
                #expect((filled[0][0].double ?? 0) > 0)

                session.server.replaceDataset(session.dataset, customFields: .forbidden)
                let lost = try await session.sync(file)
                #expect(lost["contatos"]?.fullRead == true)
                #expect(try await session.snapshotQuery("select * from contatos limit 1", from: file).columns == seed)
                #expect(try file.sqliteRows("SELECT count(*) FROM _nectarql_custom_fields") == [[.integer(0)]])
            }
        }
    }
}
