/// A column of a statement's result: what every writer and an embedding program see.
public struct ResultColumn: Sendable, Hashable {
    public let name: String
    public let type: SQLType

    public init(name: String, type: SQLType) {
        self.name = name
        self.type = type
    }
}
