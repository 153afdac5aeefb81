/// One listing to scan: an endpoint path relative to the base URL (`"contatos/"`) and its
/// filters and projections. Paging (`page`, `displayLength`) is added by the client.
public struct PageRequest: Sendable, Hashable {
    public let path: String
    public let parameters: [QueryParameter]

    public init(path: String, parameters: [QueryParameter] = []) {
        self.path = path
        self.parameters = parameters
    }
}

/// What the caller's decoder makes of one response body. `recordCount` is how many records the
/// body held, which tells the client whether the listing has more pages.
public struct DecodedPage<Content: Sendable>: Sendable {
    public let content: Content
    public let recordCount: Int

    public init(content: Content, recordCount: Int) {
        self.content = content
        self.recordCount = recordCount
    }
}
