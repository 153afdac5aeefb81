/// A name in the text (table, alias, column in `join … on column`) and where it was written.
/// Unquoted names are lower-cased by the lexer; quoted ones keep their case.
/// Equality and hashing ignore the location, so `parse(print(ast)) == ast`.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let location: SourceLocation

    public init(_ name: String, at location: SourceLocation = .start) {
        self.name = name
        self.location = location
    }

    public static func == (lhs: Identifier, rhs: Identifier) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name }
}
