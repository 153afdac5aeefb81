import NectarCatalog

/// Flattens a hand-written body for a catalog table and reads cells by column name.
struct Flattened {
    let table: TableDefinition
    let page: FlattenedPage

    init(_ tableName: String, page json: String) throws {
        table = Catalog.nectarCRM.table(named: tableName)!
        page = try Flattener(table: table).flattenPage(Array(json.utf8))
    }

    init(_ table: TableDefinition, page json: String) throws {
        self.table = table
        page = try Flattener(table: table).flattenPage(Array(json.utf8))
    }

    init(_ tableName: String, object json: String) throws {
        table = Catalog.nectarCRM.table(named: tableName)!
        page = try Flattener(table: table).flattenObject(Array(json.utf8))
    }

    var rows: [[Value]] { page.rows }

    /// The cell of `column` in row `row` (across the page's records).
    func cell(_ row: Int, _ column: String) -> Value {
        rows[row][table.columnIndex(column)!]
    }

    /// Every cell other than `columns` is NULL in `row`.
    func othersAreNull(_ row: Int, except columns: Set<String>) -> Bool {
        zip(table.columns, rows[row]).allSatisfy { column, value in columns.contains(column.name) || value.isNull }
    }
}
