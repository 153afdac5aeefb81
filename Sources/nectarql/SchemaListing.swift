import NectarQL
import NectarSyntax

/// `.tables` and `.schema`: the engine's own `show tables` and `describe`, printed as sqlite3
/// prints them (names one per line; `create table` text with a custom field's label as a comment).
enum SchemaListing {
    struct Table {
        let name: String
        let title: String
    }

    static func tables(_ engine: Engine) async throws -> [Table] {
        let result = try await engine.execute(.showTables)
        let name = try column("name", of: result), title = try column("title", of: result)
        return try await result.allRows().map { Table(name: text($0[name]), title: text($0[title])) }
    }

    /// Every table's `create table` text, or one table's; an unknown name is refused with the
    /// engine's suggestion.
    static func text(of name: String?, engine: Engine) async throws -> String {
        try await engine.loadCustomFields()
        let all = try await tables(engine)
        let chosen: [Table]
        if let name {
            // The table's own name for an alias (`nectarcrm_tarefas` is `tarefas`).
            guard let canonical = engine.catalog.table(named: name)?.name else { throw await unknownTable(name, engine: engine) }
            chosen = all.filter { $0.name == canonical }
        } else {
            chosen = all
        }
        var texts: [String] = []
        for table in chosen { texts.append(try await createTable(table, engine: engine)) }
        return texts.joined(separator: "\n")
    }

    /// The engine's own refusal of `describe name`, whose message already says how to find the right name.
    private static func unknownTable(_ name: String, engine: Engine) async -> any Error {
        do {
            _ = try await engine.execute(.describe(Identifier(name)))
            return DotCommandError(message: "unknown table '\(name)'")
        } catch let error as QueryError {
            return DotCommandError(message: error.message)
        } catch {
            return error
        }
    }

    /// One column per line with its type, and a custom field's label as a comment.
    private static func createTable(_ table: Table, engine: Engine) async throws -> String {
        let result = try await engine.execute(.describe(Identifier(table.name)))
        if let notice = result.notice { StandardError.line("note: " + notice) }
        let name = try column("column", of: result), type = try column("type", of: result), label = try column("label", of: result)
        let rows = try await result.allRows()
        let lines = rows.enumerated().map { position, row in
            let separator = position == rows.count - 1 ? "" : ","
            let comment = row[label].isNull ? "" : "  -- " + text(row[label])
            return "  \(text(row[name])) \(text(row[type]))\(separator)\(comment)"
        }
        return "-- \(table.title)\ncreate table \(table.name) (\n\(lines.joined(separator: "\n"))\n);\n"
    }

    private static func column(_ name: String, of result: QueryResult) throws -> Int {
        guard let index = result.columns.firstIndex(where: { $0.name == name }) else {
            throw DotCommandError(message: "the engine's answer has no '\(name)' column")
        }
        return index
    }

    private static func text(_ value: Value) -> String {
        if case .text(let text) = value { return text }
        return ""
    }
}
