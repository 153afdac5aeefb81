/// One `name=value` pair of a request's query string. Order is kept, and a name may repeat
/// (`attribute=id&attribute=nome` is how the API projects attributes).
public struct QueryParameter: Sendable, Hashable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
