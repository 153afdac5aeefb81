import NectarCatalog
import NectarSyntax

/// A table as it appears in one query: under which name, and where its columns sit in the
/// combined row (the from table's columns first, then each joined table's, in join order).
struct BoundTable: Sendable {
    let definition: TableDefinition
    let reference: TableReference
    /// The first slot of this table's columns in the combined row.
    let offset: Int

    var exposedName: String { reference.exposedName }
    var width: Int { definition.columns.count }
    var slots: Range<Int> { offset..<offset + width }

    /// Whether `qualifier` names this table: its alias, or its own name (or seed alias) always.
    func answers(to qualifier: String) -> Bool {
        qualifier == exposedName || qualifier == definition.name || definition.aliases.contains(qualifier)
    }
}

/// The tables visible to a query and how names resolve among them.
struct Scope: Sendable {
    private(set) var tables: [BoundTable] = []

    var width: Int { tables.last.map { $0.offset + $0.width } ?? 0 }

    mutating func add(_ definition: TableDefinition, as reference: TableReference) throws {
        if let clash = tables.first(where: { $0.exposedName == reference.exposedName }) {
            let place = reference.alias?.location ?? reference.name.location
            throw QueryError(
                "table name '\(reference.exposedName)' is used twice (already for \(clash.definition.name)); give one of them an alias",
                at: place)
        }
        tables.append(BoundTable(definition: definition, reference: reference, offset: width))
    }

    struct ResolvedColumn {
        let slot: Int
        let type: SQLType
    }

    /// Unqualified names resolve to the from table first, then to joined tables in join order.
    func resolve(_ reference: ColumnReference, at location: SourceLocation) throws -> ResolvedColumn {
        if let qualifier = reference.table {
            let matches = tables.indices.filter { tables[$0].answers(to: qualifier) }
            guard !matches.isEmpty else { throw unknownTable(qualifier, in: reference, at: location) }
            // An alias wins over the table name it hides.
            let exact = matches.filter { tables[$0].exposedName == qualifier }
            let candidates = exact.isEmpty ? matches : exact
            guard candidates.count == 1 else {
                let names = candidates.map { "\(tables[$0].exposedName).\(reference.name)" }.joined(separator: ", ")
                throw QueryError("'\(qualifier).\(reference.name)' is ambiguous: it could be \(names); qualify it with an alias", at: location)
            }
            return try column(reference.name, in: candidates[0], at: location)
        }
        for index in tables.indices {
            if let resolved = try? column(reference.name, in: index, at: location) { return resolved }
        }
        throw unknownColumn(reference.name, among: tables.indices, at: location)
    }

    func column(_ name: String, in table: Int, at location: SourceLocation) throws -> ResolvedColumn {
        let bound = tables[table]
        guard let index = bound.definition.columnIndex(name) else {
            throw unknownColumn(name, among: [table], at: location)
        }
        return ResolvedColumn(slot: bound.offset + index, type: bound.definition.columns[index].type)
    }

    private func unknownColumn(_ name: String, among indices: some Sequence<Int>, at location: SourceLocation) -> QueryError {
        let searched = Array(indices)
        guard !searched.isEmpty else {
            return QueryError("unknown column '\(name)': this select has no table; add from <table> (`show tables` lists them)", at: location)
        }
        let names = searched.flatMap { tables[$0].definition.columns.map(\.name) }
        let where_ = searched.map { tables[$0].definition.name }.joined(separator: ", ")
        if let suggestion = Suggestion.closest(to: name, among: names) {
            return QueryError("unknown column '\(name)' in \(where_); did you mean \(suggestion)?", at: location)
        }
        let hint = searched.count == 1 ? "`describe \(where_)` lists its columns" : "`describe <table>` lists a table's columns"
        return QueryError("unknown column '\(name)' in \(where_); \(hint)", at: location)
    }

    private func unknownTable(_ qualifier: String, in reference: ColumnReference, at location: SourceLocation) -> QueryError {
        let names = tables.map(\.exposedName)
        var message = "unknown table or alias '\(qualifier)' in '\(qualifier).\(reference.name)'"
        if let suggestion = Suggestion.closest(to: qualifier, among: names) {
            message += "; did you mean \(suggestion)?"
        } else {
            message += "; this query has \(names.joined(separator: ", "))"
        }
        return QueryError(message, at: location)
    }
}
