/// A column that references another table's column (the seed's relationship graph).
public struct Relationship: Sendable, Hashable {
    public let column: String
    public let referencedTable: String
    public let referencedColumn: String

    public init(_ column: String, references referencedTable: String, _ referencedColumn: String = "id") {
        self.column = column
        self.referencedTable = referencedTable
        self.referencedColumn = referencedColumn
    }
}
