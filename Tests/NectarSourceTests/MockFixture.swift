import Foundation
import NectarMock
import Testing
@testable import NectarSource

/// Runs `body` against a fresh fake API and a client for it, and stops both however `body` ends.
func withMockAPI<Result>(
    scale: Double = 0.25, faults: FaultConfiguration = .init(), serverToken: String = MockServer.demoToken,
    clientToken: String = MockServer.demoToken, configure: (inout ClientConfiguration) -> Void = { _ in },
    _ body: (MockServer, NectarClient) async throws -> Result
) async throws -> Result {
    let server = MockServer(
        dataset: MockDataset(seed: 7, scale: scale), token: serverToken, faults: faults, maxLifetime: .seconds(600))
    _ = try await server.start(port: 0)
    var configuration = ClientConfiguration(baseURL: server.baseURL, token: clientToken)
    configuration.retryBudget = .seconds(20)
    configuration.requestTimeout = .seconds(10)
    configure(&configuration)
    let client: NectarClient
    do {
        client = try NectarClient(configuration: configuration)
    } catch {
        await server.stop()
        throw error
    }
    do {
        let result = try await body(server, client)
        await client.shutdown()
        await server.stop()
        return result
    } catch {
        await client.shutdown()
        await server.stop()
        throw error
    }
}

/// The tests' stand-in for the engine's decoder: the ids of a JSON array (or of one object).
@Sendable func decodeIDs(_ bytes: [UInt8]) throws -> DecodedPage<[Int]> {
    let json = try JSONSerialization.jsonObject(with: Data(bytes))
    let objects: [[String: Any]]
    if let array = json as? [[String: Any]] {
        objects = array
    } else if let object = json as? [String: Any] {
        objects = [object]
    } else {
        throw DecodingFailure()
    }
    let ids = objects.compactMap { ($0["id"] as? NSNumber)?.intValue }
    return DecodedPage(content: ids, recordCount: objects.count)
}

struct DecodingFailure: Error {}

/// The ids the fake API holds for `endpoint`, in id order (the order it pages in).
func datasetIDs(_ endpoint: MockEndpoint, scale: Double = 0.25) -> [Int] {
    MockDataset(seed: 7, scale: scale).records(endpoint).compactMap { $0["id"]?.intValue }.sorted()
}

/// Every id of a listing, in the order the pages arrived.
func scanIDs(_ client: NectarClient, _ path: String, parameters: [QueryParameter] = [], namespace: String = "test")
    async throws -> [Int]
{
    var ids: [Int] = []
    for try await page in client.scan(PageRequest(path: path, parameters: parameters), decoder: TestDecoder(namespace, decodeIDs)) {
        ids += page
    }
    return ids
}

/// Pages a listing of `count` records needs, the short (possibly empty) last one included.
func pagesNeeded(_ count: Int, pageSize: Int = 50) -> Int { count / pageSize + 1 }
