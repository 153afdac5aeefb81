import NectarCatalog
import NectarSource

/// Scans through the API client: each whole body is flattened into the table's rows once it has
/// arrived (a body cut short is asked for again first), and the cache keeps rows, not JSON.
package struct ClientPageFetcher: PageFetching {
    let client: NectarClient
    package let pageSize: Int

    package init(client: NectarClient, pageSize: Int) {
        self.client = client
        self.pageSize = pageSize
    }

    package func pages(of request: PageRequest, flattener: Flattener, firstPage: Int, maxPages: Int?)
        -> AsyncThrowingStream<FlattenedPage, any Error>
    {
        client.scan(request, decoder: FlatteningDecoder(flattener: flattener, shape: .listing), firstPage: firstPage, maxPages: maxPages)
    }

    package func lookup(path: String, flattener: Flattener) async throws -> FlattenedPage? {
        try await client.fetch(path: path, decoder: FlatteningDecoder(flattener: flattener, shape: .lookup))
    }
}
