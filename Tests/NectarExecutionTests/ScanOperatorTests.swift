import NectarCatalog
@testable import NectarExecution
import NectarSource
import Testing

/// The scan operators over an in-memory record source: paging, deduplication, several listings,
/// lookups and the row budget of a `limit`, with no HTTP.
@Suite("Scan operators")
struct ScanOperatorTests {
    private let contatos = Catalog.nectarCRM.table(named: "contatos")!
    private var nameSlot: Int { contatos.columnIndex("nome")! }

    private func contato(_ id: Int, _ name: String) -> String { "{\"id\":\(id),\"nome\":\"\(name)\"}" }

    private func names(_ rows: [[Value]]) -> [Value] { rows.map { $0[nameSlot] } }

    @Test("a listing is read page by page to its end, each record once even when it shows up on two pages")
    func listingDeduplicates() async throws {
        let records = [contato(1, "Ana"), contato(2, "Bia"), contato(2, "Bia"), contato(3, "Caio"), contato(4, "Duda")]
        let source = InMemorySource(pageSize: 2, records: ["contatos/": records])
        let scan = ListingScanOperator(
            flattener: Flattener(table: contatos), requests: [PageRequest(path: "contatos/")], fetcher: source, recorder: ScanRecorder())
        let rows = try await scan.drain()
        #expect(names(rows) == ["Ana", "Bia", "Caio", "Duda"].map(Value.text))
        #expect(source.requests == ["contatos/?page=1", "contatos/?page=2", "contatos/?page=3"])
    }

    @Test("several listings are merged, and the recorder counts the rows delivered")
    func severalListings() async throws {
        let source = InMemorySource(pageSize: 2, records: ["contatos/": [contato(1, "Ana"), contato(2, "Bia"), contato(3, "Caio")]])
        let recorder = ScanRecorder()
        let requests = [PageRequest(path: "contatos/", parameters: [QueryParameter("origemId", "1")]),
                        PageRequest(path: "contatos/", parameters: [QueryParameter("origemId", "2")])]
        let scan = ListingScanOperator(flattener: Flattener(table: contatos), requests: requests, fetcher: source, recorder: recorder)
        // The source ignores the parameter, so both listings hold every record: each is kept once.
        let rows = try await scan.drain()
        #expect(Set(names(rows)) == Set(["Ana", "Bia", "Caio"].map(Value.text)))
        #expect(rows.count == 3)
        #expect(recorder.counts.rows == 3)
    }

    @Test("lookups skip keys the source does not know")
    func lookups() async throws {
        let source = InMemorySource(records: ["contatos/": [contato(1, "Ana"), contato(3, "Caio")]])
        let scan = LookupScanOperator(
            flattener: Flattener(table: contatos), paths: ["contatos/3", "contatos/2", "contatos/1"], fetcher: source, recorder: ScanRecorder())
        #expect(names(try await scan.drain()) == ["Caio", "Ana"].map(Value.text))
    }

    @Test("a row budget stops asking for pages once it is met")
    func budget() async throws {
        let records = (1...10).map { contato($0, "C\($0)") }
        let source = InMemorySource(pageSize: 2, records: ["contatos/": records])
        let scan = BudgetedScanOperator(
            flattener: Flattener(table: contatos), requests: [PageRequest(path: "contatos/")], fetcher: source, rowBudget: 3,
            recorder: ScanRecorder())
        let rows = try await scan.drain()
        #expect(rows.count >= 3)
        #expect(Array(names(rows).prefix(3)) == ["C1", "C2", "C3"].map(Value.text))
        #expect(source.requests.count == 2, "two pages of two hold three rows: \(source.requests)")
    }

    @Test("only the columns read are decoded; the rest stay NULL")
    func projection() async throws {
        let source = InMemorySource(records: ["contatos/": ["{\"id\":1,\"nome\":\"Ana\",\"constante\":7}"]])
        let constante = contatos.columnIndex("constante")!
        let scan = ListingScanOperator(
            flattener: Flattener(table: contatos, reading: [nameSlot]), requests: [PageRequest(path: "contatos/")], fetcher: source,
            recorder: ScanRecorder())
        let rows = try await scan.drain()
        #expect(rows.first?[nameSlot] == .text("Ana"))
        #expect(rows.first?[constante] == .null)
    }
}
