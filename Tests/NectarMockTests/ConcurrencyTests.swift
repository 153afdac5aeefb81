import NectarMock
import Testing

@Suite("Concurrent clients")
struct ConcurrencyTests {
    @Test("parallel requests over several keep-alive connections all get their own page")
    func parallelPages() async throws {
        let all = sharedDataset.ids(.oportunidades) { $0["status"]?.intValue == 2 }
        try await MockHarness.run { (api: MockHarness) async throws in
            let pages = try await withThrowingTaskGroup(of: (Int, [Int]).self) { group in
                for page in 1...12 {
                    group.addTask { (page, try await api.get("oportunidades/?status=2&page=\(page)&displayLength=25").ids()) }
                }
                var pages: [Int: [Int]] = [:]
                for try await (page, ids) in group { pages[page] = ids }
                return pages
            }
            for page in 1...12 {
                let start = min((page - 1) * 25, all.count)
                #expect(pages[page] == Array(all[start..<min(start + 25, all.count)]), "page \(page)")
            }
            #expect(api.server.statistics().requests == 12)
        }
    }
}
