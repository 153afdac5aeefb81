import Foundation
import NectarCatalog
@testable import NectarExecution
@testable import NectarPlanning
import NectarSemantics
import NectarSource
import Testing

/// The one scan path over an in-memory record source, with each feed: whole listings, several
/// listings, lookups and the row budget of a `limit`. No HTTP.
@Suite("Scan operators")
struct ScanOperatorTests {
    private let contatos = Catalog.nectarCRM.table(named: "contatos")!
    private var nameSlot: Int { contatos.columnIndex("nome")! }
    private let context = EvaluationContext(time: ZonedTime(zone: TimeZone(identifier: "UTC")!), now: 0)

    private func scan(_ feed: PageFeed, filter: BoundExpression? = nil, recorder: ScanRecorder = ScanRecorder()) -> ScanOperator {
        ScanOperator(feed, filter: filter, context: context, recorder: recorder)
    }

    private func contato(_ id: Int, _ name: String) -> String { "{\"id\":\(id),\"nome\":\"\(name)\"}" }

    private func names(_ rows: [[Value]]) -> [Value] { rows.map { $0[nameSlot] } }

    @Test("a listing is read page by page to its end, each record once even when it shows up on two pages")
    func listingDeduplicates() async throws {
        let records = [contato(1, "Ana"), contato(2, "Bia"), contato(2, "Bia"), contato(3, "Caio"), contato(4, "Duda")]
        let source = InMemorySource(pageSize: 2, records: ["contatos/": records])
        let rows = try await scan(ListingsFeed([PageRequest(path: "contatos/")], flattener: Flattener(table: contatos), fetcher: source)).drain()
        #expect(names(rows) == ["Ana", "Bia", "Caio", "Duda"].map(Value.text))
        #expect(source.requests == ["contatos/?page=1", "contatos/?page=2", "contatos/?page=3"])
    }

    @Test("several listings are merged, and the recorder counts the rows delivered")
    func severalListings() async throws {
        let source = InMemorySource(pageSize: 2, records: ["contatos/": [contato(1, "Ana"), contato(2, "Bia"), contato(3, "Caio")]])
        let recorder = ScanRecorder()
        let requests = [PageRequest(path: "contatos/", parameters: [QueryParameter("origemId", "1")]),
                        PageRequest(path: "contatos/", parameters: [QueryParameter("origemId", "2")])]
        // The source ignores the parameter, so both listings hold every record: each is kept once.
        let rows = try await scan(ListingsFeed(requests, flattener: Flattener(table: contatos), fetcher: source), recorder: recorder).drain()
        #expect(Set(names(rows)) == Set(["Ana", "Bia", "Caio"].map(Value.text)))
        #expect(rows.count == 3)
        #expect(recorder.counts.rows == 3)
    }

    @Test("lookups skip keys the source does not know")
    func lookups() async throws {
        let source = InMemorySource(records: ["contatos/": [contato(1, "Ana"), contato(3, "Caio")]])
        let feed = LookupFeed(["contatos/3", "contatos/2", "contatos/1"], flattener: Flattener(table: contatos), fetcher: source)
        #expect(names(try await scan(feed).drain()) == ["Caio", "Ana"].map(Value.text))
    }

    @Test("a row budget stops asking for pages once it is met")
    func budget() async throws {
        let records = (1...10).map { contato($0, "C\($0)") }
        let source = InMemorySource(pageSize: 2, records: ["contatos/": records])
        let feed = BudgetedFeed([PageRequest(path: "contatos/")], rowBudget: 3, flattener: Flattener(table: contatos), fetcher: source)
        let rows = try await scan(feed).drain()
        #expect(rows.count >= 3)
        #expect(Array(names(rows).prefix(3)) == ["C1", "C2", "C3"].map(Value.text))
        #expect(source.requests.count == 2, "two pages of two hold three rows: \(source.requests)")
    }

    @Test("only the columns read are decoded; the rest stay NULL")
    func projection() async throws {
        let source = InMemorySource(records: ["contatos/": ["{\"id\":1,\"nome\":\"Ana\",\"constante\":7}"]])
        let constante = contatos.columnIndex("constante")!
        let feed = ListingsFeed([PageRequest(path: "contatos/")], flattener: Flattener(table: contatos, reading: [nameSlot]), fetcher: source)
        let rows = try await scan(feed).drain()
        #expect(rows.first?[nameSlot] == .text("Ana"))
        #expect(rows.first?[constante] == .null)
    }

    @Test("the scan's own filter runs on every row, after deduplication and counting")
    func localFilter() async throws {
        let source = InMemorySource(records: ["contatos/": [contato(1, "Ana"), contato(2, "Bia"), contato(3, "Ana")]])
        let recorder = ScanRecorder()
        let isAna = BoundExpression.comparison(.equal, .column(nameSlot), .literal(.text("Ana")))
        let feed = ListingsFeed([PageRequest(path: "contatos/")], flattener: Flattener(table: contatos), fetcher: source)
        let rows = try await scan(feed, filter: isAna, recorder: recorder).drain()
        #expect(names(rows) == ["Ana", "Ana"].map(Value.text))
        #expect(recorder.counts.rows == 3, "every row the scan delivered, before its filter")
    }
}
