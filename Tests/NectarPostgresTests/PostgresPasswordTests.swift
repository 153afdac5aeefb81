import Foundation
import Testing
@testable import NectarPostgres

/// Where the password comes from: the URL, then PGPASSWORD, then a password file only its owner reads.
@Suite struct PostgresPasswordTests {
    private func withPgpass(_ text: String, mode: Int, _ body: (String) throws -> Void) throws {
        let path = NSTemporaryDirectory() + "nectarql-pgpass-\(UUID().uuidString)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func theURLThenPGPASSWORDThenThePasswordFile() throws {
        try withPgpass("# comment\nother:*:*:*:nope\ndb.example:5432:crm:ana:from\\:file\n", mode: 0o600) { path in
            let bare = try PostgresURL("postgres://ana@db.example/crm", environment: [:])
            #expect(PostgresPassword.resolve(for: bare, environment: ["PGPASSFILE": path]) == "from:file")
            #expect(PostgresPassword.resolve(for: bare, environment: ["PGPASSFILE": path, "PGPASSWORD": "env"]) == "env")
            let given = try PostgresURL("postgres://ana:url@db.example/crm", environment: [:])
            #expect(PostgresPassword.resolve(for: given, environment: ["PGPASSFILE": path, "PGPASSWORD": "env"]) == "url")
            let otherUser = try PostgresURL("postgres://bia@db.example/crm", environment: [:])
            #expect(PostgresPassword.resolve(for: otherUser, environment: ["PGPASSFILE": path]) == nil)
        }
    }

    @Test func wildcardsMatchAnyField() throws {
        try withPgpass("*:*:*:ana:star\n", mode: 0o600) { path in
            let url = try PostgresURL("postgres://ana@h:1/d", environment: [:])
            #expect(PostgresPassword.resolve(for: url, environment: ["PGPASSFILE": path]) == "star")
        }
    }

    @Test func aFileOthersMayReadIsIgnoredAsLibpqDoes() throws {
        try withPgpass("*:*:*:*:open\n", mode: 0o644) { path in
            let url = try PostgresURL("postgres://ana@h/d", environment: [:])
            #expect(PostgresPassword.resolve(for: url, environment: ["PGPASSFILE": path]) == nil)
        }
    }
}
