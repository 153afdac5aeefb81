import NectarCatalog
import NectarPlanning
import NectarQL
import NectarSyntax

/// What Tab offers for the word being typed: dot-commands at the start of a line, the words a
/// dot-command takes, or in a statement keywords, functions, tables and the columns of the
/// tables the statement already names. Pure, so it is easy to reason about and test.
@MainActor
enum CompletionCandidates {
    /// The session's tables with their columns (custom fields included, once read).
    static var catalog: () -> Catalog = { Catalog.nectarCRM }

    /// - Parameters:
    ///   - word: the partial word under the cursor.
    ///   - lineBefore: the current line up to the start of `word`.
    ///   - pending: earlier lines of an unfinished statement (empty on a fresh prompt).
    ///   - fullStatement: the pending lines plus the whole current line, to find the tables named.
    /// - Returns: the completions, or nil to let readline complete file names.
    static func matches(word: String, lineBefore: String, pending: String, fullStatement: String) -> [String]? {
        let lineHead = lineBefore.trimmingBlanks()
        let isDotCommandLine = pending.trimmingBlanks().isEmpty && (lineHead.hasPrefix(".") || (lineHead.isEmpty && word.hasPrefix(".")))
        if isDotCommandLine {
            guard let arguments = dotCommandArguments(lineHead) else { return nil }
            return filter(arguments, by: word)
        }
        if let dot = word.lastIndex(of: ".") {
            let qualifier = String(word[...dot])
            let partial = String(word[word.index(after: dot)...])
            return filter(columns(of: fullStatement), by: partial).map { qualifier + $0 }
        }
        let words = Vocabulary.keywords + functionNames + catalog().tableNames + columns(of: fullStatement)
        return filter(words, by: word, matchingCase: true)
    }

    /// The words the dot-command on this line takes next; nil for a file name argument.
    private static func dotCommandArguments(_ lineHead: String) -> [String]? {
        guard let command = lineHead.split(separator: " ").first.map({ $0.lowercased() }) else {
            return DotCommands.names
        }
        switch command {
        case ".schema": return catalog().tableNames
        case ".mode": return OutputFormat.allCases.map(\.rawValue)
        case ".headers", ".timer", ".stats": return ["on", "off"]
        case ".cache": return ["on", "off", "clear"]
        case ".read", ".output", ".once": return nil
        default: return []
        }
    }

    /// Columns of every table named in the statement, in table order, without repeats.
    static func columns(of statement: String) -> [String] {
        var seen = Set<String>()
        var columns: [String] = []
        let tables = catalog()
        for name in identifiers(in: statement) {
            guard let table = tables.table(named: name), seen.insert(table.name).inserted else { continue }
            columns += table.columns.map(\.name)
        }
        var unique = Set<String>()
        return columns.filter { unique.insert($0).inserted }
    }

    private static func identifiers(in text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            .map(String.init)
    }

    /// Words starting with `prefix` (ignoring case), sorted and unique. With `matchingCase`,
    /// keywords follow the case the user types (`SEL` → `SELECT`).
    private static func filter(_ words: [String], by prefix: String, matchingCase: Bool = false) -> [String] {
        let lowered = prefix.lowercased()
        let upper = matchingCase && !prefix.isEmpty && prefix == prefix.uppercased() && prefix != prefix.lowercased()
        var seen = Set<String>()
        return words
            .filter { $0.lowercased().hasPrefix(lowered) }
            .map { upper ? $0.uppercased() : $0 }
            .filter { seen.insert($0).inserted }
            .sorted()
    }
}
