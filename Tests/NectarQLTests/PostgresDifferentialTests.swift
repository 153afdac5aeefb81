import Foundation
import NectarMock
import NectarQL
import PostgresTestSupport
import Testing

/// The same statements live, from the SQLite snapshot and from the PostgreSQL mirror of the same
/// data must give the same output: both stores push filters and projection into SQL, and only
/// narrow what the engine's own evaluation keeps.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipNote))
struct PostgresDifferentialTests {
    @Test func everyStatementAnswersTheSameLiveFromSQLiteAndFromPostgreSQL() async throws {
        try await MockSession.run(scale: 0.2, customFields: .missing) { session in
            try await SnapshotFile.with { file in
                try await PostgresTestServer.withSchema { url, _ in
                    try await session.sync(file)
                    try await session.syncMirror(url)
                    for sql in SnapshotDifferentialTests.statements(session.dataset) {
                        let live = try await session.rows(sql)
                        let sqlite = try await session.snapshotRows(sql, from: file)
                        let before = session.engine.statistics().requests
                        let postgres: [[Value]]
                        do {
                            postgres = try await session.snapshotRows(sql, from: url)
                        } catch {
                            Issue.record("postgres: \(sql): \(error)")
                            continue
                        }
                        #expect(session.engine.statistics().requests == before, "a mirror query sent a request: \(sql)")
                        if sql.contains("order by") {
                            #expect(postgres == live, "\(sql)")
                            #expect(postgres == sqlite, "\(sql)")
                        } else {
                            #expect(sortedRows(postgres) == sortedRows(live), "\(sql)")
                            #expect(sortedRows(postgres) == sortedRows(sqlite), "\(sql)")
                        }
                        #expect(!live.isEmpty || sql.contains("'Ana'"), "a statement with no rows proves little: \(sql)")
                    }
                }
            }
        }
    }
}
