/// A column that references another table's column (the seed's relationship graph).
package struct Relationship: Sendable, Hashable {
    package let column: String
    package let referencedTable: String
    package let referencedColumn: String

    package init(_ column: String, references referencedTable: String, _ referencedColumn: String = "id") {
        self.column = column
        self.referencedTable = referencedTable
        self.referencedColumn = referencedColumn
    }
}
