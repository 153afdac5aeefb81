import Foundation
import NectarCatalog
import NectarMock
import NectarQL
import NectarSnapshot
import PostgresNIO
import PostgresTestSupport
import Testing

/// `sync --snapshot postgres://…`: the same sync writing a PostgreSQL schema. The schema matches
/// the seed and the SQLite snapshot's keys and indexes, refreshes follow the same incremental
/// rules, a run is one transaction under an advisory lock, and a server that goes away leaves the
/// mirror as it was. Needs a server: see `PostgresTestServer`.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipNote))
struct PostgresMirrorTests {
    @Test func aFirstSyncCreatesTheSeedTablesWithTheirTypesKeysAndIndexes() async throws {
        try await MockSession.run(scale: 0.05) { session in
            try await PostgresTestServer.withSchema { url, schema in
                let reports = try await session.syncMirror(url)
                #expect(reports.count == 16)
                #expect(reports["oportunidades"]?.rows == session.dataset.records(.oportunidades).count)
                #expect(reports["oportunidades"]?.fullRead == true)

                var bindings = PostgresBindings()
                bindings.append(schema)
                let columns = try await PostgresTestServer.rows(
                    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1", bindings)
                var types: [String: String] = [:]
                for row in columns {
                    let (table, column, type) = try row.decode((String, String, String).self)
                    types[table + "." + column] = type
                }
                let expected: [SQLType: String] = [
                    .float: "double precision", .text: "text", .boolean: "boolean", .timestamp: "timestamp with time zone",
                ]
                for table in Catalog.nectarCRM.tables {
                    for column in table.columns {
                        #expect(types[table.name + "." + column.name] == expected[column.type], "\(table.name).\(column.name)")
                    }
                }
                // The seed's columns, and the account's custom fields as the engine's catalog had them at the first sync.
                #expect(types.keys.filter { !$0.hasPrefix("_nectarql_sync.") && !$0.hasPrefix("_nectarql_custom_fields.") }.count == session.engine.catalog.tables.reduce(0) { $0 + $1.columns.count })
                #expect(types["_nectarql_sync.last_sync_started"] == "timestamp with time zone")

                // The SQLite snapshot's indexes, by the same names; record tables keyed by id.
                let indexes = try await PostgresTestServer.rows("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1", bindings)
                let names = Set(try indexes.map { try $0.decode((String, String).self).0 })
                for table in Catalog.nectarCRM.tables {
                    for column in SnapshotSchema.indexedColumns(of: table) where column != SnapshotSchema.primaryKey(of: table) {
                        #expect(names.contains("\(table.name)_\(column)"), "index on \(table.name).\(column)")
                    }
                }
                let keys = try await PostgresTestServer.rows(
                    """
                    SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
                    JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name)
                    WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = $1
                    """, bindings)
                let keyed = Set(try keys.map { row -> String in
                    let (table, column) = try row.decode((String, String).self)
                    return table + "." + column
                })
                let recordTables = Catalog.nectarCRM.tables.filter { !$0.isChild }.map { $0.name + ".id" }
                #expect(keyed == Set(recordTables + [
                    "_nectarql_sync.table_name", "_nectarql_custom_fields.table_name", "_nectarql_custom_fields.position",
                ]))

                let bookkeeping = try await PostgresTestServer.rows(
                    "SELECT api_base_url, rows FROM \"\(schema)\"._nectarql_sync WHERE table_name = 'oportunidades'")
                let (apiURL, rows) = try #require(bookkeeping.first).decode((String, Int64).self)
                #expect(apiURL.hasPrefix(session.server.baseURL))
                #expect(Int(rows) == session.dataset.records(.oportunidades).count)
            }
        }
    }

    @Test func aRefreshFollowsTheSameIncrementalRulesAsTheSQLiteSnapshot() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await PostgresTestServer.withSchema { url, _ in
                let first = try await session.syncMirror(url)
                let opportunities = session.dataset.records(.oportunidades)
                let edited = opportunities.prefix(opportunities.count / 50).compactMap { $0["id"]?.intValue }
                let withProducts = try #require(opportunities.first { ($0["produtos"]?.elements?.count ?? 0) >= 2 }?["id"]?.intValue)
                let deleted = try #require(opportunities.last?["id"]?.intValue)
                var changes = MockChanges(instant: nowSeconds())
                changes.edited[.oportunidades] = edited + [withProducts]
                changes.created[.oportunidades] = 2
                changes.deleted[.oportunidades] = [deleted]
                session.server.replaceDataset(session.dataset.changing(changes))
                let products = "select count(*) from oportunidades_produtos where id_oportunidade = \(withProducts)"
                let before = try await session.snapshotRows(products, from: url)

                let refresh = try await session.syncMirror(url)
                #expect(refresh["oportunidades"]?.fullRead == false)
                #expect(refresh["tarefas"]?.fullRead == true, "tarefas has no updated-date filter")
                #expect((refresh["oportunidades"]?.requests ?? .max) <= (edited.count + 3 + 49) / 50 + 5)
                #expect((refresh["oportunidades"]?.requests ?? 0) < (first["oportunidades"]?.requests ?? 0))
                let names = try await session.snapshotRows("select nome from oportunidades where id = \(edited[0])", from: url)
                #expect(names.first?.first?.string?.hasSuffix(" (alterado)") == true)
                let after = try await session.snapshotRows(products, from: url)
                #expect(after[0][0] == .float((before[0][0].double ?? 0) - 1), "the removed product's row is gone")
                let created = try await session.snapshotRows("select count(*) from oportunidades where nome like 'Novo registro %'", from: url)
                #expect(created[0][0] == .float(2))
                let stillThere = try await session.snapshotRows("select count(*) from oportunidades where id = \(deleted)", from: url)
                #expect(stillThere[0][0] == .float(1), "a delta cannot see a deletion")

                var full = SyncOptions()
                full.full = true
                let reconciled = try await session.syncMirror(url, full)
                #expect(reconciled["oportunidades"]?.rows == opportunities.count - 1 + 2)
                let gone = try await session.snapshotRows("select count(*) from oportunidades where id = \(deleted)", from: url)
                #expect(gone[0][0] == .float(0))
            }
        }
    }

    @Test func aSecondSyncIntoTheSameMirrorIsToldAnotherIsRunning() async throws {
        try await MockSession.run(scale: 0.05) { session in
            try await PostgresTestServer.withSchema { url, _ in
                try await session.syncMirror(url, SyncOptions(tables: ["tarefas"]))
                session.server.setFaults(FaultConfiguration(latency: .milliseconds(300)))
                session.server.resetStatistics()
                let engine = session.engine
                let slow = Task { try await engine.sync(snapshotPath: url, options: SyncOptions(tables: ["tarefas"], full: true)) }
                // Its first request reads the custom field definitions, before it takes the lock; the
                // second (a page) comes once it holds it.
                for _ in 0..<3000 where session.server.statistics().requests < 2 { try await Task.sleep(for: .milliseconds(10)) }
                try #require(session.server.statistics().requests >= 2, "the first sync never got going")
                let error = await #expect(throws: SnapshotError.self) {
                    try await engine.sync(snapshotPath: url, options: SyncOptions(tables: ["pipelines"]))
                }
                #expect(error?.description.contains("another sync is running") == true, "\(String(describing: error))")
                _ = try await slow.value
            }
        }
    }

    @Test func readersSeeThePreviousRunUntilTheNextCommits() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await PostgresTestServer.withSchema { url, _ in
                try await session.syncMirror(url, SyncOptions(tables: ["tarefas"]))
                let count = session.dataset.records(.tarefas).count
                var changes = MockChanges(instant: nowSeconds())
                changes.created[.tarefas] = 7
                session.server.replaceDataset(session.dataset.changing(changes))
                // Long enough for a query to open the mirror and read while the run waits for its page,
                // even on a machine busy with the rest of the suite (3 s once proved too short there).
                session.server.setFaults(FaultConfiguration(latency: .seconds(8)))
                session.server.resetStatistics()
                let engine = session.engine
                let writing = Task { try await engine.sync(snapshotPath: url, options: SyncOptions(tables: ["tarefas"], full: true)) }
                // Bounded wait until the run has emptied tarefas (a full read) and waits for its first page.
                // Its first request reads the custom field definitions, before it takes the lock; the
                // second (a page) comes once it holds it.
                for _ in 0..<3000 where session.server.statistics().requests < 2 { try await Task.sleep(for: .milliseconds(10)) }
                try #require(session.server.statistics().requests >= 2, "the first sync never got going")
                let during = try await session.snapshotRows("select count(*) from tarefas", from: url)
                #expect(during[0][0] == .float(Double(count)), "the last committed run, not half of this one")
                _ = try await writing.value
                let after = try await session.snapshotRows("select count(*) from tarefas", from: url)
                #expect(after[0][0] == .float(Double(count + 7)))
            }
        }
    }

    @Test func aServerThatGoesAwayMidSyncLeavesTheMirrorAsItWas() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await PostgresTestServer.withSchema { url, schema in
                try await session.syncMirror(url)
                let before = try await session.snapshotRows("select count(*), sum(valortotal) from oportunidades", from: url)
                var changes = MockChanges(instant: nowSeconds())
                changes.created[.oportunidades] = 60
                session.server.replaceDataset(session.dataset.changing(changes))
                // Slow answers keep the run going for seconds after its third page.
                session.server.setFaults(FaultConfiguration(latency: .milliseconds(600)))
                session.server.resetStatistics()
                let engine = session.engine
                let writing = Task { try await engine.sync(snapshotPath: url, options: SyncOptions(full: true)) }
                for _ in 0..<3000 where (session.server.statistics().responsesByStatus[200] ?? 0) < 3 {
                    try await Task.sleep(for: .milliseconds(10))
                }
                try #require((session.server.statistics().responsesByStatus[200] ?? 0) >= 3, "the sync never got going")
                // The next answers stall, so the run cannot finish while its backend is ended, however slow this machine.
                session.server.setFaults(FaultConfiguration(latency: .seconds(8)))
                #expect(try await PostgresTestServer.terminateSync(into: schema) == 1)
                let result = await writing.result
                #expect(throws: SnapshotServerError.self) { try result.get() }
                if case .failure(let error) = result {
                    #expect(!"\(error)".contains(try PostgresTestServer.password()), "the password never appears")
                }
                session.server.setFaults(FaultConfiguration())
                let after = try await session.snapshotRows("select count(*), sum(valortotal) from oportunidades", from: url)
                #expect(after == before)
                let next = try await session.syncMirror(url)
                #expect(next["oportunidades"]?.rows == session.dataset.records(.oportunidades).count + 60)
            }
        }
    }

    @Test func aSchemaHoldingOtherTablesIsNeverWrittenInto() async throws {
        try await MockSession.run(scale: 0.02) { session in
            try await PostgresTestServer.withSchema { url, schema in
                try await PostgresTestServer.execute("CREATE SCHEMA \"\(schema)\"")
                try await PostgresTestServer.execute("CREATE TABLE \"\(schema)\".invoices (id integer)")
                let error = await #expect(throws: SnapshotError.self) { try await session.syncMirror(url) }
                #expect(error?.description.contains("is not a NectarQL mirror") == true, "\(String(describing: error))")
                #expect(error?.description.contains(try PostgresTestServer.password()) == false)
                let open = await #expect(throws: SnapshotError.self) { try await session.engine.useSnapshot(path: url) }
                #expect(open?.description.contains("not a NectarQL mirror") == true)
                let tables = try await PostgresTestServer.integer("SELECT count(*) FROM pg_tables WHERE schemaname = '\(schema)'")
                #expect(tables == 1)
            }
        }
    }

    @Test func explainShowsTheMirrorWithoutItsPassword() async throws {
        try await MockSession.run(scale: 0.02) { session in
            try await PostgresTestServer.withSchema { url, _ in
                try await session.syncMirror(url, SyncOptions(tables: ["contatos"]))
                try await session.engine.useSnapshot(path: url)
                let lines = try await session.explain("select nome from contatos where constante = 1")
                try await session.engine.useSnapshot(path: nil)
                let reads = try #require(lines.first { $0.contains("reads: snapshot postgres://") }, "\(lines)")
                #expect(!reads.contains(try PostgresTestServer.password()))
                #expect(reads.contains("synced"))
                #expect(session.engine.snapshotPath == nil)
            }
        }
    }
}

extension MockSession {
    /// Syncs into the mirror at `url` and returns the report by table, counting requests from zero.
    @discardableResult
    func syncMirror(_ url: String, _ options: SyncOptions = SyncOptions()) async throws -> [String: SyncTableReport] {
        server.resetStatistics()
        let reports = try await engine.sync(snapshotPath: url, options: options)
        return Dictionary(uniqueKeysWithValues: reports.map { ($0.table, $0) })
    }
}

/// `sslmode` as libpq reads it: `require` refuses a server that offers no TLS (the test cluster
/// offers none), where `disable` and `prefer` connect.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipNote))
struct PostgresSSLModeTests {
    @Test func requireRefusesAServerWithoutTLSWherePreferConnects() async throws {
        try await MockSession.run(scale: 0.02) { session in
            try await PostgresTestServer.withSchema { url, _ in
                var components = URLComponents(string: url)!
                for (mode, connects) in [("require", false), ("prefer", true), ("disable", true)] {
                    components.queryItems = (components.queryItems ?? []).filter { $0.name != "sslmode" } + [URLQueryItem(name: "sslmode", value: mode)]
                    let attempt = await Result(catching: { try await session.syncMirror(components.string!, SyncOptions(tables: ["pipelines"])) })
                    switch attempt {
                    case .success: #expect(connects, "sslmode=\(mode) connected to a server without TLS")
                    case .failure(let error):
                        #expect(!connects, "sslmode=\(mode): \(error)")
                        #expect(error is SnapshotServerError && "\(error)".contains("TLS"), "\(error)")
                    }
                }
            }
        }
    }
}

extension Result where Failure == any Error {
    /// The outcome of an asynchronous call.
    init(catching body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
