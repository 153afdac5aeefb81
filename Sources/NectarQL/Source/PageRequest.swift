/// One listing to scan: an endpoint path relative to the base URL (`"contatos/"`) and its
/// filters and projections. Paging (`page`, `displayLength`) is added by the client.
package struct PageRequest: Sendable, Hashable {
    package let path: String
    package let parameters: [QueryParameter]

    package init(path: String, parameters: [QueryParameter] = []) {
        self.path = path
        self.parameters = parameters
    }
}

/// What the caller's decoder makes of one response body. `recordCount` is how many records the
/// body held, which tells the client whether the listing has more pages.
package struct DecodedPage<Content: Sendable>: Sendable {
    package let content: Content
    package let recordCount: Int

    package init(content: Content, recordCount: Int) {
        self.content = content
        self.recordCount = recordCount
    }
}
