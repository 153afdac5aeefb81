import Foundation
import NectarSnapshot
import Testing
@testable import NectarPostgres

/// The connection string: its parts, libpq's fallbacks, and a shown form without the password.
@Suite struct PostgresURLTests {
    @Test func aURLGivesItsPartsAndItsShownFormHasNoPassword() throws {
        let url = try PostgresURL("postgres://ana:s%40cret@db.example:6543/crm?schema=vendas&sslmode=require", environment: [:])
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.user == "ana")
        #expect(url.password == "s@cret")
        #expect(url.database == "crm")
        #expect(url.schema == "vendas")
        #expect(url.sslMode == .require)
        #expect(url.redacted == "postgres://ana@db.example:6543/crm?schema=vendas&sslmode=require")
        #expect(!url.redacted.contains("cret"))
    }

    @Test func missingPartsFallBackAsLibpqsDo() throws {
        let url = try PostgresURL("postgresql://db.example", environment: ["PGUSER": "bia", "PGPORT": "5433"])
        #expect(url.user == "bia")
        #expect(url.port == 5433)
        #expect(url.database == "bia")
        #expect(url.schema == PostgresURL.defaultSchema)
        #expect(url.sslMode == .prefer)
        #expect(url.password == nil)
    }

    @Test func aBadURLIsRefusedWithoutShowingThePassword() throws {
        let unknown = #expect(throws: SnapshotError.self) { try PostgresURL("postgres://u:hunter22@h/db?scheme=x", environment: [:]) }
        #expect(unknown?.description.contains("unknown parameter 'scheme'") == true)
        #expect(unknown?.description.contains("hunter22") == false)
        let mode = #expect(throws: SnapshotError.self) { try PostgresURL("postgres://u:hunter22@h/db?sslmode=always", environment: [:]) }
        #expect(mode?.description.contains("verify-full") == true)
        #expect(mode?.description.contains("hunter22") == false)
    }

    @Test func onlyPostgresSchemesNameAMirror() {
        #expect(PostgresURL.isPostgres("postgres://h/db"))
        #expect(PostgresURL.isPostgres("PostgreSQL://h/db"))
        #expect(!PostgresURL.isPostgres("/home/ana/snapshot.sqlite"))
        #expect(!PostgresURL.isPostgres("postgres.sqlite"))
    }

    @Test func redactionMasksEveryURLPasswordInAText() {
        #expect(PostgresRedaction.mask(".snapshot postgres://ana:s3cr3t@h:5432/db?schema=x") == ".snapshot postgres://ana:***@h:5432/db?schema=x")
        #expect(PostgresRedaction.mask("a postgresql://u:p@h b postgres://v:q@k/d") == "a postgresql://u:***@h b postgres://v:***@k/d")
        #expect(PostgresRedaction.mask("postgres://ana@h/db") == "postgres://ana@h/db")
        #expect(PostgresRedaction.mask("no url here: user:pass@host") == "no url here: user:pass@host")
    }
}
