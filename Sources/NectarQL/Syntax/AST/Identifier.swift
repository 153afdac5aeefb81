/// A name in the text (table, alias, column in `join … on column`) and where it was written.
/// Unquoted names are lower-cased by the lexer; quoted ones keep their case.
/// Equality and hashing ignore the location, so `parse(print(ast)) == ast`.
package struct Identifier: Sendable, Hashable, CustomStringConvertible {
    package let name: String
    package let location: SourceLocation

    package init(_ name: String, at location: SourceLocation = .start) {
        self.name = name
        self.location = location
    }

    package static func == (lhs: Identifier, rhs: Identifier) -> Bool { lhs.name == rhs.name }
    package func hash(into hasher: inout Hasher) { hasher.combine(name) }
    package var description: String { name }
}
