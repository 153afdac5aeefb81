import Foundation
import NectarMock
import NectarQL
import Testing

/// `sync`: the first read copies every table; later ones read only what changed where the API
/// has an updated-date filter, re-read the rest whole, and a full read removes deleted records.
@Suite struct SnapshotSyncTests {
    @Test func aFirstSyncCopiesEveryRecordOfEveryTable() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await SnapshotFile.with { file in
                let reports = try await session.sync(file)
                #expect(reports.count == 16)
                let expected: [(String, MockEndpoint)] = [
                    ("contatos", .contatos), ("oportunidades", .oportunidades), ("qualificacoes", .qualificacoes),
                    ("compromissos", .compromissos), ("tarefas", .tarefas), ("pipelines", .pipeline), ("produtos", .produto),
                    ("oportunidades_propostas", .proposta),
                ]
                for (table, endpoint) in expected {
                    #expect(reports[table]?.rows == session.dataset.records(endpoint).count, "\(table)")
                    #expect(reports[table]?.fullRead == true)
                }
                let products = session.dataset.records(.oportunidades).reduce(0) { $0 + ($1["produtos"]?.elements?.count ?? 0) }
                #expect(reports["oportunidades_produtos"]?.rows == products)
                #expect(reports["oportunidades_produtos"]?.readWith == "oportunidades")
                // Every status of oportunidades is listed: the endpoint answers status 1 only without it.
                let statuses = Set(session.requests.filter { $0.path == "oportunidades/" }.compactMap { $0.value("status") })
                #expect(statuses == ["1", "2", "3", "4", "5"])
            }
        }
    }

    @Test func aRefreshReadsOnlyWhatChangedAndReplacesChildRows() async throws {
        try await MockSession.run(scale: 0.2) { session in
            try await SnapshotFile.with { file in
                let first = try await session.sync(file)
                let opportunities = session.dataset.records(.oportunidades)
                // 1% of the opportunities edited (each loses its last product), two created, one deleted.
                let edited = opportunities.prefix(opportunities.count / 100).compactMap { $0["id"]?.intValue }
                let withProducts = try #require(opportunities.first { ($0["produtos"]?.elements?.count ?? 0) >= 2 }?["id"]?.intValue)
                let deleted = try #require(opportunities.last?["id"]?.intValue)
                var changes = MockChanges(instant: nowSeconds())
                changes.edited[.oportunidades] = edited + [withProducts]
                changes.created[.oportunidades] = 2
                changes.deleted[.oportunidades] = [deleted]
                changes.edited[.tarefas] = [session.dataset.records(.tarefas)[0]["id"]!.intValue!]
                session.server.replaceDataset(session.dataset.changing(changes))

                let before = try await session.snapshotRows("select count(*) from oportunidades_produtos where id_oportunidade = \(withProducts)", from: file)
                let refresh = try await session.sync(file)
                #expect(refresh["oportunidades"]?.fullRead == false)
                #expect(refresh["tarefas"]?.fullRead == true, "tarefas has no updated-date filter")
                let changed = edited.count + 1 + 2
                let listings = 5
                #expect((refresh["oportunidades"]?.requests ?? .max) <= (changed + 49) / 50 + listings)
                #expect((refresh["oportunidades"]?.requests ?? 0) < (first["oportunidades"]?.requests ?? 0))
                #expect(session.requests.filter { $0.path == "oportunidades/" }.allSatisfy { $0.value("dataInicioAtualizacao") != nil })

                let names = try await session.snapshotRows("select nome from oportunidades where id = \(edited[0])", from: file)
                #expect(names.first?.first?.string?.hasSuffix(" (alterado)") == true)
                let after = try await session.snapshotRows("select count(*) from oportunidades_produtos where id_oportunidade = \(withProducts)", from: file)
                #expect(after[0][0] == .float((before[0][0].double ?? 0) - 1), "the removed product's row is gone")
                let created = try await session.snapshotRows("select count(*) from oportunidades where nome like 'Novo registro %'", from: file)
                #expect(created[0][0] == .float(2))
                let tarefa = try await session.snapshotRows("select count(*) from tarefas where titulo like '% (alterado)'", from: file)
                #expect(tarefa[0][0] == .float(1))
                // A delta cannot see a deletion; the full read does.
                let stillThere = try await session.snapshotRows("select count(*) from oportunidades where id = \(deleted)", from: file)
                #expect(stillThere[0][0] == .float(1))
                var full = SyncOptions()
                full.full = true
                let reconciled = try await session.sync(file, full)
                #expect(reconciled["oportunidades"]?.fullRead == true)
                let gone = try await session.snapshotRows("select count(*) from oportunidades where id = \(deleted)", from: file)
                #expect(gone[0][0] == .float(0))
                #expect(reconciled["oportunidades"]?.rows == opportunities.count - 1 + 2)
            }
        }
    }

    @Test func aFullReadHappensByItselfOnceTheLastIsOlderThanTheReconcileAge() async throws {
        try await MockSession.run(scale: 0.05) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file)
                var options = SyncOptions(tables: ["contatos"])
                options.reconcileAfterMilliseconds = 0
                let reports = try await session.sync(file, options)
                #expect(reports["contatos"]?.fullRead == true)
                #expect(reports.count == 5, "contatos and its four child tables: \(reports.keys.sorted())")
            }
        }
    }

    @Test func tablesNameAChildAndItsParentComesAlong() async throws {
        try await MockSession.run(scale: 0.05) { session in
            try await SnapshotFile.with { file in
                let reports = try await session.sync(file, SyncOptions(tables: ["nectarcrm_oportunidades_produtos"]))
                #expect(Set(reports.keys) == ["oportunidades", "oportunidades_produtos"])
                // oportunidades can hold custom fields, so their definitions are read too (one request).
                #expect(session.requests.allSatisfy { $0.path == "oportunidades/" || $0.path == "campoPersonalizado/" })
            }
        }
    }

    @Test func aSnapshotOfOneAPIRefusesToSyncFromAnother() async throws {
        try await SnapshotFile.with { file in
            _ = try await MockSession.run(scale: 0.02) { session in try await session.sync(file) }
            try await MockSession.run(scale: 0.02) { other in
                let error = await #expect(throws: SnapshotError.self) { try await other.sync(file) }
                #expect(error?.description.contains("holds data from") == true)
                #expect(other.server.statistics().requests == 0)
            }
        }
    }

    @Test func anAPIFailureMidSyncLeavesThePreviousSnapshotIntact() async throws {
        try await MockSession.run(scale: 0.1, configure: { $0.maxAttempts = 1 }) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file)
                let before = try await session.snapshotRows("select count(*), sum(valortotal) from oportunidades", from: file)
                var changes = MockChanges(instant: nowSeconds())
                changes.created[.oportunidades] = 60
                session.server.replaceDataset(session.dataset.changing(changes))
                var faults = FaultConfiguration()
                faults.serverErrorRate = 0.5
                session.server.setFaults(faults)
                var full = SyncOptions()
                full.full = true
                await #expect(throws: APIError.self) { try await session.sync(file, full) }
                let after = try await session.snapshotRows("select count(*), sum(valortotal) from oportunidades", from: file)
                #expect(after == before)
                // The next sync, once the API answers again, completes from the previous state.
                session.server.setFaults(FaultConfiguration())
                let reports = try await session.sync(file)
                #expect(reports["oportunidades"]?.rows == session.dataset.records(.oportunidades).count + 60)
            }
        }
    }

    @Test func aCancelledSyncLeavesThePreviousSnapshotIntact() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file, SyncOptions(tables: ["tarefas"]))
                var faults = FaultConfiguration()
                faults.latency = .milliseconds(200)
                session.server.setFaults(faults)
                let engine = session.engine
                let path = file.path
                let task = Task { try await engine.sync(snapshotPath: path, options: SyncOptions()) }
                try await Task.sleep(for: .milliseconds(300))
                task.cancel()
                _ = await task.result
                let rows = try await session.snapshotRows("select count(*) from tarefas", from: file)
                #expect(rows[0][0] == .float(Double(session.dataset.records(.tarefas).count)))
                // The cancelled run wrote nothing: contatos is still a table the snapshot never received.
                await #expect(throws: SnapshotError.self) { try await session.snapshotRows("select count(*) from contatos", from: file) }
            }
        }
    }

    @Test func queriesReadThePreviousSyncWhileTheNextOneWrites() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file, SyncOptions(tables: ["tarefas"]))
                var changes = MockChanges(instant: nowSeconds())
                changes.created[.tarefas] = 7
                session.server.replaceDataset(session.dataset.changing(changes))
                // Each answer takes a second: the query below runs while the sync's transaction is open.
                session.server.setFaults(FaultConfiguration(latency: .seconds(1)))
                session.server.resetStatistics()
                let engine = session.engine
                let path = file.path
                var full = SyncOptions(tables: ["tarefas"])
                full.full = true
                let writing = Task { [full] in try await engine.sync(snapshotPath: path, options: full) }
                // Bounded wait until the sync holds its transaction and is fetching pages.
                for _ in 0..<200 where session.server.statistics().requests < 1 { try await Task.sleep(for: .milliseconds(10)) }
                let during = try await session.snapshotRows("select count(*) from tarefas", from: file)
                #expect(during[0][0] == .float(Double(session.dataset.records(.tarefas).count)), "the last committed sync")
                _ = try await writing.value
                let after = try await session.snapshotRows("select count(*) from tarefas", from: file)
                #expect(after[0][0] == .float(Double(session.dataset.records(.tarefas).count + 7)))
            }
        }
    }
}
