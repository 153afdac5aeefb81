/// The parser's state: the tokens, the position, and how deep the recursion is.
/// Statement, select and expression grammar live in extensions, one file each.
struct TokenStream {
    private let tokens: [Token]
    private(set) var position = 0
    var depth = 0

    init(_ tokens: [Token]) {
        self.tokens = tokens
    }

    var current: Token { tokens[position] }
    func peek(_ distance: Int = 1) -> Token { tokens[min(position + distance, tokens.count - 1)] }
    /// The token before the current one, for "after 'where'" in messages.
    var previous: Token? { position > 0 ? tokens[position - 1] : nil }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func skip(_ symbol: Symbol) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func skipWord(_ word: String) -> Bool {
        guard current.isWord(word) else { return false }
        advance()
        return true
    }

    /// The error for an unexpected current token: "expected X after 'prev', found 'tok'".
    func expected(_ what: String) -> QueryError {
        let after = previous.map { " after \($0.quoted)" } ?? ""
        return QueryError("expected \(what)\(after), found \(current.quoted)", at: current.location)
    }

    mutating func expect(_ symbol: Symbol) throws(QueryError) {
        guard skip(symbol) else { throw expected("'\(symbol.rawValue)'") }
    }

    mutating func expectWord(_ word: String) throws(QueryError) {
        guard skipWord(word) else { throw expected("'\(word)'") }
    }

    func expectEnd(after what: String) throws(QueryError) {
        guard case .endOfInput = current.kind else {
            throw QueryError("unexpected \(current.quoted) after \(what); separate statements with ';'", at: current.location)
        }
    }

    /// A name: an unquoted non-reserved word or a quoted name.
    mutating func parseIdentifier(_ what: String) throws(QueryError) -> Identifier {
        guard let name = current.identifierName else { throw expected(what) }
        return Identifier(name, at: advance().location)
    }

    /// Goes one level deeper (pair with `leave()` in a `defer`), refusing to go past
    /// `Parser.maximumDepth` so deeply nested input cannot overflow the stack.
    mutating func enter() throws(QueryError) {
        guard depth < Parser.maximumDepth else { throw tooDeep(at: current.location) }
        depth += 1
    }

    mutating func leave() { depth -= 1 }

    func tooDeep(at location: SourceLocation) -> QueryError {
        QueryError("expression nested more than \(Parser.maximumDepth) levels deep; simplify it", at: location)
    }
}

extension Token {
    /// The name this token stands for if it can be a name here (not a reserved word).
    var identifierName: String? {
        switch kind {
        case let .word(word) where !Vocabulary.isReserved(word): return word
        case let .quotedIdentifier(name): return name
        default: return nil
        }
    }
}
