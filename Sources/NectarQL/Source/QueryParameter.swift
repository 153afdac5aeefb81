/// One `name=value` pair of a request's query string. Order is kept, and a name may repeat
/// (`attribute=id&attribute=nome` is how the API projects attributes).
package struct QueryParameter: Sendable, Hashable {
    package let name: String
    package let value: String

    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
