import Foundation
import NectarMock
import Testing
@testable import NectarSource

/// Listing sizes learnt from a listing's end: the next scan of it asks for exactly its pages,
/// all at once, and the sizes survive the session in a file.
@Suite(.timeLimit(.minutes(5))) struct ListingSizesTests {
    // At scale 1: 300 tarefas, six full pages and the empty seventh.
    @Test func aListingReadToItsEndIsScannedNextTimeWithExactlyItsPages() async throws {
        let expected = datasetIDs(.tarefas, scale: 1)
        let needed = pagesNeeded(expected.count)
        try await withMockAPI(scale: 1, configure: { $0.cacheTTL = nil }) { server, client in
            let first = try await scanIDs(client, "tarefas/")
            #expect(first == expected)
            #expect(client.listingSizes.records(path: "tarefas/", parameters: []) == expected.count)
            try await server.waitUntilQuiet()
            server.resetStatistics()
            let second = try await scanIDs(client, "tarefas/")
            #expect(second == expected)
            let pages = server.statistics().requestLines.compactMap { line in
                line.split(separator: "page=").last.flatMap { Int($0.prefix { $0.isNumber }) }
            }
            #expect(pages.sorted() == Array(1...needed), "no page past the end")
        }
    }

    @Test func projectionsShareTheSizeOfTheirListingAndFiltersDoNot() {
        let sizes = ListingSizes()
        sizes.remember(120, of: PageRequest(path: "oportunidades/", parameters: [.init("status", "2"), .init("attribute", "id")]))
        #expect(sizes.records(path: "oportunidades/", parameters: [.init("attribute", "nome"), .init("status", "2")]) == 120)
        #expect(sizes.records(path: "oportunidades/", parameters: [.init("status", "3")]) == nil)
        #expect(sizes.takeChanged())
        sizes.remember(120, of: PageRequest(path: "oportunidades/", parameters: [.init("status", "2")]))
        #expect(!sizes.takeChanged(), "the same size again is no news")
    }

    @Test func theFileKeepsSizesPrivatelyAndMergesWhatAnotherSessionSaved() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sizes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = ListingSizesFile(path: directory.appendingPathComponent("sizes").path)
        #expect(file.load().isEmpty, "a missing file reads as empty")
        try file.save(["contatos/?": 600])
        try file.save(["tarefas/?": 300])
        #expect(file.load() == ["contatos/?": 600, "tarefas/?": 300])
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: file.path))
        #expect(file.load().isEmpty, "an unreadable file costs requests, not the session")
    }

    @Test func theFileKeepsTheNewestEntriesWithinItsLimit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sizes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = ListingSizesFile(path: path)
        let many = Dictionary(uniqueKeysWithValues: (0..<ListingSizesFile.maximumEntries).map { ("old/?n=\($0)", $0) })
        try file.save(many)
        try file.save(["new/?": 1])
        let kept = file.load()
        #expect(kept.count == ListingSizesFile.maximumEntries)
        #expect(kept["new/?"] == 1)
    }
}
