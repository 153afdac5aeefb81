import Foundation
import NectarMock
import NectarSnapshot
import Testing
@testable import NectarQL

/// A disk that fills up mid-sync: SQLite answers SQLITE_FULL, the run is rolled back, the file
/// keeps the previous snapshot (still queryable), the error says what happened and what to do.
/// The full disk is SQLite's own: `PRAGMA max_page_count` caps the file at its current size on
/// the sync's connection, so the first page the run needs beyond it fails exactly as a full disk does.
@Suite struct SnapshotFullDiskTests {
    @Test func aFullDiskMidSyncLeavesThePreviousSnapshotIntactAndSaysSo() async throws {
        try await MockSession.run(scale: 0.1) { session in
            try await SnapshotFile.with { file in
                try await session.sync(file)
                let question = "select count(*), sum(valortotal) from oportunidades"
                let before = try await session.snapshotRows(question, from: file)
                // Enough new records that the run must grow the file.
                var changes = MockChanges(instant: nowSeconds())
                changes.created[.oportunidades] = 400
                changes.created[.contatos] = 400
                session.server.replaceDataset(session.dataset.changing(changes))

                let engine = session.engine
                let store = try SnapshotStore.openForWriting(path: file.path, catalog: .nectarCRM)
                let pages = try #require(try store.connection.scalar("PRAGMA page_count").integer)
                try store.connection.execute("PRAGMA max_page_count = \(pages)")
                let sync = engine.snapshotSync(store: store)
                let error = await #expect(throws: SnapshotError.self) { try await sync.run(SyncOptions(full: true)) }
                #expect(error?.kind == .storageFull)
                #expect(error?.description.contains("no room to write the snapshot") == true, "\(String(describing: error))")
                #expect(error?.description.contains("the previous snapshot is intact") == true)

                let after = try await session.snapshotRows(question, from: file)
                #expect(after == before, "the failed run left no trace")
                // Once there is room again, the next sync completes from the previous state.
                let reports = try await session.sync(file)
                #expect(reports["oportunidades"]?.rows == session.dataset.records(.oportunidades).count + 400)
            }
        }
    }
}
