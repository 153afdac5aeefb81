/// One lexical unit of the text.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// An unquoted word, lower-cased (keywords are words too; the parser decides).
        case word(String)
        /// `"Name"`, case kept, `""` unescaped.
        case quotedIdentifier(String)
        case integer(Int)
        case decimal(Double)
        case string(String)
        case symbol(Symbol)
        case endOfInput
    }

    let kind: Kind
    let location: SourceLocation
    /// The source text of the token, for messages ("found 'join'").
    let text: String

    /// How the token is named in messages: `'join'`, or `the end of the statement`.
    var quoted: String {
        if case .endOfInput = kind { return "the end of the statement" }
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "'\(shown)'"
    }

    func isWord(_ word: String) -> Bool { kind == .word(word) }
    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
    var isString: Bool {
        if case .string = kind { return true }
        return false
    }
}

enum Symbol: String, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")", comma = ",", dot = ".", semicolon = ";", star = "*"
    case plus = "+", minus = "-", slash = "/", percent = "%", concat = "||"
    case equal = "=", notEqual = "<>", bangEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}
