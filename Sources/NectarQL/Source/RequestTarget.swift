/// One request to send: its absolute URL, and the token-free names errors use for it.
struct RequestTarget: Sendable {
    let url: String
    /// Relative to the base URL, with the query: `contatos/?page=1&displayLength=50`.
    let endpoint: String
    /// Relative to the base URL, without the query: `contatos/`.
    let path: String
    let host: String

    init(base: BaseURL, path: String, parameters: [QueryParameter]) {
        let located = base.locate(path: path, parameters: parameters)
        url = located.url
        endpoint = located.endpoint
        self.path = located.path
        host = base.host
    }
}
