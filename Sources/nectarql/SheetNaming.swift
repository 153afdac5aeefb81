import NectarQL
import NectarSyntax

/// The name a statement's worksheet gets in a workbook: the text of a `-- sheet: Name` comment
/// on the lines just above the statement (blank lines and other comments may come between),
/// else the table it reads. The workbook cleans the name and makes it unique.
enum SheetNaming {
    static let commentPrefix = "sheet:"

    static func proposedName(for statement: Statement, script: String, start: SourceLocation) -> String? {
        commentName(script: script, start: start) ?? tableName(statement)
    }

    /// The nearest `-- sheet:` comment above the statement, looking back over comment and
    /// blank lines only (so a previous statement's comment is never taken).
    static func commentName(script: String, start: SourceLocation) -> String? {
        let lines = script.utf8.prefix(start.offset).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self).trimmingBlanks() }
        // The statement's own line, up to the statement, must hold nothing else.
        guard let own = lines.last, own.isEmpty else { return nil }
        for line in lines.dropLast().reversed() where !line.isEmpty {
            guard line.hasPrefix("--") else { return nil }
            let body = line.dropFirst(2).drop(while: \.isWhitespace)
            guard body.lowercased().hasPrefix(commentPrefix) else { continue }
            let name = String(body.dropFirst(commentPrefix.count)).trimmingBlanks()
            if !name.isEmpty { return name }
        }
        return nil
    }

    static func tableName(_ statement: Statement) -> String? {
        switch statement {
        case .select(let select): select.from?.name.name
        case .explain(let select): select.from.map { "explain \($0.name.name)" } ?? "explain"
        case .describe(let table): table.name
        case .showTables: "tables"
        }
    }
}
