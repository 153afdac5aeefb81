import Foundation
import NectarCatalog
import Testing
@testable import NectarSnapshot

/// The file itself: a plain SQLite database in the seed's shape, created 0600, refusing files
/// that are not snapshots.
@Suite struct SnapshotFileTests {
    @Test func theFileHasTheSeedTablesColumnsAndStorageTypes() throws {
        let path = TemporaryFile.path("schema")
        defer { TemporaryFile.remove(path) }
        let store = try SnapshotStore.openForWriting(path: path, catalog: .nectarCRM)
        for table in Catalog.nectarCRM.tables {
            let statement = try store.connection.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid")
            try statement.bind([.text(table.name)])
            var columns: [String] = []
            while try statement.step() { columns.append(statement.text(at: 0) + " " + statement.text(at: 1)) }
            let expected = table.columns.map { column in
                column.name + " " + ["float": "REAL", "text": "TEXT", "boolean": "INTEGER", "timestamp": "TEXT"][column.type.rawValue]!
            }
            #expect(columns == expected, "\(table.name)")
        }
        let bookkeeping = try store.connection.scalar("SELECT count(*) FROM pragma_table_info('_nectarql_sync')")
        #expect(bookkeeping.integer == 7)
    }

    @Test func aNewSnapshotIsReadableOnlyByItsOwner() throws {
        let path = TemporaryFile.path("mode")
        defer { TemporaryFile.remove(path) }
        _ = try SnapshotStore.openForWriting(path: path, catalog: .nectarCRM)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aFileThatIsNotSQLiteIsAClearErrorAndIsLeftAlone() throws {
        let path = TemporaryFile.path("garbage")
        defer { TemporaryFile.remove(path) }
        let garbage = Data(String(repeating: "not a database, just text\n", count: 200).utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        for open in [{ _ = try SnapshotStore.openForReading(path: path) }, { _ = try SnapshotStore.openForWriting(path: path, catalog: .nectarCRM) }] {
            let error = #expect(throws: SnapshotError.self) { try open() }
            #expect(error?.description.contains("is not a readable SQLite snapshot") == true, "\(String(describing: error))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let path = TemporaryFile.path("foreign")
        defer { TemporaryFile.remove(path) }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let other = try SQLiteConnection(path: path, serialized: false)
        try other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        let error = #expect(throws: SnapshotError.self) { _ = try SnapshotStore.openForWriting(path: path, catalog: .nectarCRM) }
        #expect(error?.description.contains("not a NectarQL snapshot") == true)
        #expect(throws: SnapshotError.self) { _ = try SnapshotStore.openForReading(path: path) }
    }

    @Test func aMissingSnapshotSaysHowToMakeOne() {
        let error = #expect(throws: SnapshotError.self) { _ = try SnapshotStore.openForReading(path: "/nonexistent/snap.sqlite") }
        #expect(error?.description.contains("nectarql sync") == true)
    }

    @Test func timestampsAreUTCTextThatRoundTrips() {
        #expect(SnapshotTimestamp.text(0) == "1970-01-01 00:00:00")
        #expect(SnapshotTimestamp.text(1_459_350_000_000) == "2016-03-30 15:00:00")
        #expect(SnapshotTimestamp.text(1_459_350_000_123) == "2016-03-30 15:00:00.123")
        for ms: Int64 in [0, 1_459_350_000_000, 1_459_350_000_123, -86_400_001, 1_782_842_399_999] {
            #expect(SnapshotTimestamp.milliseconds(SnapshotTimestamp.text(ms)) == ms)
        }
    }
}

/// Files under the temporary directory, removed with their WAL companions.
enum TemporaryFile {
    static func path(_ name: String) -> String {
        NSTemporaryDirectory() + "nectarql-snapshot-\(name)-\(UUID().uuidString).sqlite"
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
