import Foundation
import NectarMock
import NectarQL
import Testing

/// One fake API on a free port with its dataset, and an engine pointed at it. The cache is off so
/// every statement's requests reach the server and can be counted.
struct MockSession {
    let server: MockServer
    let dataset: MockDataset
    let engine: Engine

    /// Starts a server, runs `body`, and stops both whether or not `body` throws.
    /// The engine reads the custom field definitions before `body` (unless `loadsCustomFields` is
    /// false), so the requests a test counts are its statements' own.
    static func run<T>(
        scale: Double = 0.2, faults: FaultConfiguration = .init(), customFields: CustomFieldAccess = .available,
        loadsCustomFields: Bool = true, configure: (inout EngineConfiguration) -> Void = { _ in },
        _ body: (MockSession) async throws -> T
    ) async throws -> T {
        let dataset = MockDataset(seed: 7, scale: scale)
        let server = MockServer(dataset: dataset, faults: faults, maxLifetime: .seconds(600), customFields: customFields)
        _ = try await server.start(port: 0)
        var configuration = EngineConfiguration(apiURL: server.baseURL, token: MockServer.demoToken)
        configuration.cacheTTL = nil
        configure(&configuration)
        let engine: Engine
        do {
            engine = try Engine(configuration: configuration)
        } catch {
            await server.stop()
            throw error
        }
        let session = MockSession(server: server, dataset: dataset, engine: engine)
        do {
            if loadsCustomFields { try await engine.loadCustomFields() }
            let value = try await body(session)
            await engine.shutdown()
            await server.stop()
            return value
        } catch {
            await engine.shutdown()
            await server.stop()
            throw error
        }
    }

    /// Runs one statement and returns its column names and every row; the request log starts empty.
    func query(_ sql: String) async throws -> (columns: [String], rows: [[Value]]) {
        try await settle()
        server.resetStatistics()
        let result = try await engine.execute(sql)
        return (result.columns.map(\.name), try await result.allRows())
    }

    func rows(_ sql: String) async throws -> [[Value]] { try await query(sql).rows }

    /// Waits (at most a second) until no request has arrived for 50 ms: a statement ends as soon
    /// as its answer is complete, and a speculative request it had already sent may reach the
    /// server a moment later, which would be counted against the next statement.
    private func settle() async throws {
        var last = server.statistics().requests
        var quiet = 0
        for _ in 0..<40 where quiet < 2 {
            try await Task.sleep(for: .milliseconds(25))
            let now = server.statistics().requests
            quiet = now == last ? quiet + 1 : 0
            last = now
        }
    }

    /// The requests the server saw since the last `query`, parsed.
    var requests: [SeenRequest] { server.statistics().requestLines.map(SeenRequest.init) }

    /// `explain` output as plain lines.
    func explain(_ sql: String) async throws -> [String] {
        try await rows("explain " + sql).map { row in
            if case .text(let line) = row[0] { return line }
            return ""
        }
    }
}

/// A request as the fake API received it: the path under the API base and its decoded parameters.
struct SeenRequest: CustomStringConvertible {
    let path: String
    let parameters: [(name: String, value: String)]

    init(_ line: String) {
        let target = line.split(separator: " ", maxSplits: 1).last.map(String.init) ?? line
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        let base = "/crm/api/1/"
        path = parts[0].hasPrefix(base) ? String(parts[0].dropFirst(base.count)) : parts[0]
        parameters = (parts.count > 1 ? parts[1] : "").split(separator: "&").map { pair in
            let halves = pair.split(separator: "=", maxSplits: 1).map(String.init)
            let decode = { (text: String) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text }
            return (decode(halves[0]), halves.count > 1 ? decode(halves[1]) : "")
        }
    }

    func values(_ name: String) -> [String] { parameters.filter { $0.name == name }.map(\.value) }
    func value(_ name: String) -> String? { values(name).first }
    /// The parameters that select records (not paging, not projection).
    var filters: [String: String] {
        var filters: [String: String] = [:]
        for (name, value) in parameters where !["page", "displayLength", "attribute"].contains(name) { filters[name] = value }
        return filters
    }
    /// Is this the first page of a listing (not a lookup, not a later page)?
    var isFirstPage: Bool { path.hasSuffix("/") && value("page") == "1" }

    var description: String { path + "?" + parameters.map { "\($0.name)=\($0.value)" }.joined(separator: "&") }
}

extension Array where Element == SeenRequest {
    /// One entry per listing (its first page), by the parameters that select its records.
    var listings: [[String: String]] { filter(\.isFirstPage).map(\.filters) }
    func onPath(_ path: String) -> [SeenRequest] { filter { $0.path == path } }
}
