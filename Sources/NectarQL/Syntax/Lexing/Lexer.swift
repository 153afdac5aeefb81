/// Turns text into tokens. Skips blank space, `-- line comments` and `/* block comments */`
/// (not nested). Unterminated strings, quoted names and comments are reported at their start.
struct Lexer {
    private var cursor: ScalarCursor
    /// Where the last real token ended: the end-of-input token is placed there, so "found end
    /// of input" points just after the text rather than at a trailing blank line.
    private var endOfLastToken: SourceLocation

    init(_ text: String, startingAt start: SourceLocation = .start) {
        cursor = ScalarCursor(text, startingAt: start)
        endOfLastToken = start
    }

    /// All tokens, ending with `.endOfInput`.
    static func tokenize(_ text: String, startingAt start: SourceLocation = .start) throws(QueryError) -> [Token] {
        var lexer = Lexer(text, startingAt: start)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if case .endOfInput = token.kind { return tokens }
        }
    }

    mutating func next() throws(QueryError) -> Token {
        try skipBlankSpaceAndComments()
        let start = cursor.location
        let startIndex = cursor.index
        guard let scalar = cursor.current else {
            return Token(kind: .endOfInput, location: endOfLastToken, text: "")
        }
        let kind: Token.Kind
        if IdentifierRules.isStart(scalar) {
            kind = lexWord()
        } else if ("0"..."9").contains(scalar) {
            kind = try lexNumber(start: start, startIndex: startIndex)
        } else if scalar == "'" {
            kind = .string(try lexQuoted("'", start: start, what: "string", closing: "'"))
        } else if scalar == "\"" {
            let name = try lexQuoted("\"", start: start, what: "quoted name", closing: "\"")
            if name.isEmpty { throw QueryError("a quoted name cannot be empty", at: start) }
            kind = .quotedIdentifier(name)
        } else {
            kind = .symbol(try lexSymbol(start: start))
        }
        endOfLastToken = cursor.location
        return Token(kind: kind, location: start, text: cursor.text(from: startIndex, to: cursor.index))
    }

    private mutating func skipBlankSpaceAndComments() throws(QueryError) {
        while let scalar = cursor.current {
            if scalar.properties.isWhitespace {
                cursor.advance()
            } else if scalar == "-", cursor.peek() == "-" {
                cursor.skipLineComment()
            } else if scalar == "/", cursor.peek() == "*" {
                try skipBlockComment()
            } else {
                return
            }
        }
    }

    private mutating func skipBlockComment() throws(QueryError) {
        let start = cursor.location
        guard cursor.skipBlockComment() else {
            throw QueryError("unterminated comment: '/*' has no closing '*/'", at: start)
        }
    }

    private mutating func lexWord() -> Token.Kind {
        let start = cursor.index
        while let scalar = cursor.current, IdentifierRules.isPart(scalar) { cursor.advance() }
        return .word(cursor.text(from: start, to: cursor.index).lowercased())
    }

    /// digits [ '.' digits ] [ ('e' | 'E') ['+' | '-'] digits ]
    private mutating func lexNumber(start: SourceLocation, startIndex: Int) throws(QueryError) -> Token.Kind {
        var isInteger = true
        skipDigits()
        if cursor.current == ".", let next = cursor.peek(), ("0"..."9").contains(next) {
            isInteger = false
            cursor.advance()
            skipDigits()
        }
        if cursor.current == "e" || cursor.current == "E" {
            let sign = cursor.peek() == "+" || cursor.peek() == "-"
            if let digit = cursor.peek(sign ? 2 : 1), ("0"..."9").contains(digit) {
                isInteger = false
                cursor.advance()
                if sign { cursor.advance() }
                skipDigits()
            }
        }
        let text = cursor.text(from: startIndex, to: cursor.index)
        if let scalar = cursor.current, IdentifierRules.isStart(scalar) {
            while let scalar = cursor.current, IdentifierRules.isPart(scalar) { cursor.advance() }
            let whole = cursor.text(from: startIndex, to: cursor.index)
            throw QueryError("invalid number '\(whole)'; names cannot start with a digit (quote them: \"\(whole)\")", at: start)
        }
        if isInteger, let value = Int(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else {
            throw QueryError("number '\(text)' is too large", at: start)
        }
        return .decimal(value)
    }

    private mutating func skipDigits() {
        while let scalar = cursor.current, ("0"..."9").contains(scalar) { cursor.advance() }
    }

    /// Reads `'…'` or `"…"` where a doubled quote stands for one quote; returns the content.
    private mutating func lexQuoted(_ quote: Unicode.Scalar, start: SourceLocation, what: String, closing: String) throws(QueryError) -> String {
        cursor.advance()
        var content = String.UnicodeScalarView()
        while let scalar = cursor.current {
            cursor.advance()
            if scalar == quote {
                guard cursor.current == quote else { return String(content) }
                cursor.advance()
            }
            content.append(scalar)
        }
        throw QueryError("unterminated \(what): no closing \(closing) before the end of the text", at: start)
    }

    private mutating func lexSymbol(start: SourceLocation) throws(QueryError) -> Symbol {
        let first = cursor.current!
        cursor.advance()
        let second = cursor.current
        func take(_ symbol: Symbol) -> Symbol {
            cursor.advance()
            return symbol
        }
        switch first {
        case "(": return .leftParen
        case ")": return .rightParen
        case ",": return .comma
        case ".": return .dot
        case ";": return .semicolon
        case "*": return .star
        case "+": return .plus
        case "-": return .minus
        case "/": return .slash
        case "%": return .percent
        case "=": return .equal
        case "|" where second == "|": return take(.concat)
        case "!" where second == "=": return take(.bangEqual)
        case "<" where second == "=": return take(.lessOrEqual)
        case "<" where second == ">": return take(.notEqual)
        case "<": return .less
        case ">" where second == "=": return take(.greaterOrEqual)
        case ">": return .greater
        default:
            throw QueryError("unexpected character '\(first.escaped(asASCII: false))'", at: start)
        }
    }
}
