/// The words of the language, for the parser and for the shell's tab completion.
package enum Vocabulary {
    /// Words that can never be a bare name (table, alias or column): quote them to use them
    /// as names (`"order"`). Kept as data so the printer quotes these (and the contextual words).
    /// The unsupported ones among them are reserved so `from t right join u` is an error, not an alias `right`.
    package static let reservedWords: Set<String> = Set([
        "select", "distinct", "as", "from", "join", "inner", "left", "outer", "on", "where",
        "group", "by", "having", "order", "limit", "offset", "and", "or", "not", "in", "between",
        "like", "ilike", "is", "null", "true", "false", "case", "when", "then", "else", "end", "cast",
    ]).union(unsupportedWords)

    /// Words with a meaning only in one place (`desc` after an order-by expression, `tables`
    /// after `show`); elsewhere they are ordinary names.
    package static let contextualWords: Set<String> = [
        "explain", "describe", "show", "tables", "asc", "desc", "nulls", "first", "last",
        "float", "text", "boolean", "timestamp", "integer", "int", "bigint", "interval",
    ]

    /// Every keyword, sorted, for completion.
    package static let keywords: [String] = (reservedWords.subtracting(unsupportedWords).union(contextualWords)).sorted()

    static let unsupportedWords: Set<String> = [
        "right", "full", "cross", "natural", "using", "union", "intersect", "except",
    ]

    static func isReserved(_ word: String) -> Bool { reservedWords.contains(word) }
    static func isKeyword(_ word: String) -> Bool { reservedWords.contains(word) || contextualWords.contains(word) }
}

/// Which characters make up an unquoted name. Shared by the lexer and the printer so that
/// whatever the printer leaves unquoted lexes back to the same name.
enum IdentifierRules {
    static func isStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    static func isPart(_ scalar: Unicode.Scalar) -> Bool {
        isStart(scalar) || ("0"..."9").contains(scalar)
    }

    /// True when `name` can be written without quotes and reads back as itself.
    static func isPlain(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isStart(first) else { return false }
        return name.unicodeScalars.allSatisfy(isPart) && name.lowercased() == name && !Vocabulary.isKeyword(name)
    }
}
