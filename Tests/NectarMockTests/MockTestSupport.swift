import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NectarMock
import Testing

/// The scale-1 dataset is generated once and shared: every test reads it, none changes it.
let sharedDataset = MockDataset(seed: 1, scale: 1)

/// One response as a test sees it.
struct FetchedResponse {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    func json() throws -> MockJSON { try MockJSON.parse(body) }

    /// The `id`s of a listing, in order.
    func ids() throws -> [Int] {
        try #require(try json().elements).map { try #require($0["id"]?.intValue) }
    }
}

/// A started server and a client for it; both are shut down when the test body ends, even when it throws.
struct MockHarness {
    let server: MockServer
    let client: HTTPClient
    let baseURL: String

    static func run<Result>(
        dataset: MockDataset = sharedDataset, faults: FaultConfiguration = .init(), maxLifetime: Duration = .seconds(600),
        customFields: CustomFieldAccess = .available, _ body: (MockHarness) async throws -> Result
    ) async throws -> Result {
        let server = MockServer(dataset: dataset, faults: faults, maxLifetime: maxLifetime, customFields: customFields)
        _ = try await server.start()
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(20))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let harness = MockHarness(server: server, client: client, baseURL: server.baseURL)
        do {
            let result = try await body(harness)
            try await client.shutdown()
            await server.stop()
            return result
        } catch {
            try? await client.shutdown()
            await server.stop()
            throw error
        }
    }

    /// GET `baseURL + path` with the demo token in the header (or `token` when given; `nil` sends none).
    func get(_ path: String, token: String? = MockServer.demoToken) async throws -> FetchedResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        if let token { request.headers.add(name: "Access-Token", value: token) }
        request.headers.add(name: "Content-Type", value: "application/json")
        let response = try await client.execute(request, timeout: .seconds(20))
        let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return FetchedResponse(status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// Every page of a listing with `displayLength=50`, stopping at the first short page (bounded).
    func scanAll(_ endpoint: String, query: String = "") async throws -> [Int] {
        var ids: [Int] = []
        for page in 1...1_000 {
            let pageIDs = try await get("\(endpoint)/?page=\(page)&displayLength=50\(query)").ids()
            ids += pageIDs
            if pageIDs.count < 50 { return ids }
        }
        Issue.record("\(endpoint) did not end within 1,000 pages")
        return ids
    }
}

extension MockDataset {
    func ids(_ endpoint: MockEndpoint, where include: (MockJSON) -> Bool = { _ in true }) -> [Int] {
        records(endpoint).filter(include).compactMap { $0["id"]?.intValue }.sorted()
    }
}

/// The Brazilian calendar day of a record's timestamp field, as the API's date filters see it.
func brazilDay(_ record: MockJSON, _ key: String) -> Int? {
    record[key].flatMap(MockTimestamp.epochSeconds(of:)).map(MockTimestamp.brazilDay(ofEpochSeconds:))
}
