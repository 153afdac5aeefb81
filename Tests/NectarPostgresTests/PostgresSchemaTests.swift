import NectarCatalog
import NectarSnapshot
import NectarSource
import Testing
@testable import NectarPostgres

/// The mirror's DDL comes from the catalog, and a scan's SQL binds every value as `$n`.
@Suite struct PostgresSchemaTests {
    @Test func everySeedTableIsCreatedInTheSchemaWithPostgresTypes() {
        let statements = PostgresMirrorSchema.statements(for: .nectarCRM, schema: "crm")
        let creates = statements.filter { $0.hasPrefix("CREATE TABLE") }
        #expect(creates.count == Catalog.nectarCRM.tables.count + 1)
        #expect(creates.allSatisfy { $0.hasPrefix("CREATE TABLE \"crm\".") })
        let contatos = creates.first { $0.hasPrefix("CREATE TABLE \"crm\".\"contatos\" ") } ?? ""
        #expect(contatos.contains("\"id\" double precision PRIMARY KEY"))
        #expect(contatos.contains("\"nome\" text"))
        #expect(contatos.contains("\"dataatualizacao\" timestamptz"))
        #expect(statements.contains { $0.hasPrefix("CREATE INDEX \"contatos_constante\" ON \"crm\".\"contatos\"") })
        #expect(statements.last == "COMMENT ON TABLE \"crm\".\"_nectarql_sync\" IS '\(PostgresMirrorSchema.marker)'")
    }

    @Test func aScansValuesAreNumberedParametersNeverSQLText() {
        let contatos = Catalog.nectarCRM.table(named: "contatos")!
        let hostile = "x' or '1'='1"
        let scan = SnapshotScan(
            request: PageRequest(path: "contatos/", parameters: [
                QueryParameter("nome", hostile), QueryParameter("constante", "1,3"), QueryParameter("dataInicioAtualizacao", "16/11/2023"),
            ]),
            table: contatos, recordTable: contatos)
        let query = SnapshotQuery(scan, catalog: .nectarCRM, dialect: .postgres(schema: "crm"), offset: 100, limit: 50)
        #expect(!query.sql.contains(hostile))
        #expect(!query.sql.contains("?"))
        // One numbered marker per bound value, in order.
        let markers = (1...query.bindings.count).map { "$\($0)" }
        #expect(markers.allSatisfy(query.sql.contains))
        #expect(query.sql.filter { $0 == "$" }.count == query.bindings.count)
        #expect(query.sql.contains("IN ("))
        #expect(query.sql.hasSuffix("LIMIT $\(query.bindings.count - 1) OFFSET $\(query.bindings.count)"))
        #expect(query.sql.contains("FROM \"crm\".\"contatos\" AS p"))
        #expect(query.sql.contains("ORDER BY p.\"id\", p.ctid"))
        #expect(query.bindings.contains(.text(hostile)))
        #expect(query.bindings.contains { if case .timestamp = $0 { true } else { false } })
    }
}
