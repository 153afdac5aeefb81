import Foundation
import NectarCatalog
@testable import NectarExecution
import NectarSource

/// A record source held in memory: listings page through JSON records, lookups find one by id.
/// It ignores every filter parameter, as a loose API filter may: the operators' local filters must
/// keep the answer right regardless. A record listed twice is served twice, as offset paging over
/// changing data can.
final class InMemorySource: PageFetching, @unchecked Sendable {
    let pageSize: Int
    private let records: [String: [String]]
    private let lock = NSLock()
    private var requested: [String] = []

    /// `records`: per listing path (`contatos/`), each record as a JSON object's text.
    init(pageSize: Int = 2, records: [String: [String]]) {
        self.pageSize = pageSize
        self.records = records
    }

    /// Paths asked for so far, listings with their page numbers.
    var requests: [String] { lock.withLock { requested } }

    func pages(of request: PageRequest, flattener: Flattener, firstPage: Int, maxPages: Int?)
        -> AsyncThrowingStream<FlattenedPage, any Error>
    {
        let all = records[request.path] ?? []
        let pageCount = max(1, (all.count + pageSize - 1) / pageSize)
        let last = maxPages.map { min(pageCount, firstPage + $0 - 1) } ?? pageCount
        let pages = firstPage <= last ? Array(firstPage...last) : []
        return AsyncThrowingStream { continuation in
            for page in pages {
                self.lock.withLock { self.requested.append("\(request.path)?page=\(page)") }
                let slice = all.dropFirst((page - 1) * self.pageSize).prefix(self.pageSize)
                do {
                    continuation.yield(try flattener.flattenPage(Array(("[" + slice.joined(separator: ",") + "]").utf8)))
                } catch {
                    continuation.finish(throwing: error)
                    return
                }
            }
            continuation.finish()
        }
    }

    func lookup(path: String, flattener: Flattener) async throws -> FlattenedPage? {
        lock.withLock { requested.append(path) }
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let listing = String(path[...slash]), key = path[path.index(after: slash)...]
        guard let record = records[listing]?.first(where: { $0.contains("\"id\":\(key),") || $0.contains("\"id\":\(key)}") }) else {
            return nil
        }
        return try flattener.flattenObject(Array(record.utf8))
    }
}
