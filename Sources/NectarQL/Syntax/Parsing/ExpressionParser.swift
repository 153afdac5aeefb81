/// Expressions by precedence climbing: one function per role (prefix, operators, postfix,
/// primary) rather than one per level, which keeps the stack shallow for nested input.
extension TokenStream {
    mutating func parseExpression(expecting what: String = "an expression") throws(QueryError) -> Expression {
        try enter()
        defer { leave() }
        return try parseOperators(atLeast: .or, expecting: what)
    }

    mutating func parseExpressionList() throws(QueryError) -> [Expression] {
        var list = [try parseExpression()]
        while skip(.comma) { list.append(try parseExpression()) }
        return list
    }

    /// A prefix operand followed by every binary or postfix operator binding at least `minimum`.
    private mutating func parseOperators(atLeast minimum: Precedence, expecting what: String = "an expression") throws(QueryError) -> Expression {
        var left = try parsePrefix(atLeast: minimum, expecting: what)
        while true {
            let token = current
            if let op = BinaryOperator(token), op.precedence >= minimum {
                left = try node(.binary(left, try parseChain(of: op.precedence)), at: token.location)
            } else if minimum <= .comparison, let postfix = try parsePostfix(on: left) {
                left = postfix
            } else {
                return left
            }
        }
    }

    /// The operators of one level and their operands: all of them for a level that chains flat
    /// (so a long `or` or `+` chain needs no recursion), one for comparisons.
    private mutating func parseChain(of level: Precedence) throws(QueryError) -> [BinaryStep] {
        var steps: [BinaryStep] = []
        repeat {
            let token = advance()
            guard let op = BinaryOperator(token) else { break }
            steps.append(BinaryStep(op, try parseOperators(atLeast: level.tighter), at: token.location))
        } while OperatorChain.flattens(steps[0].op) && BinaryOperator(current)?.precedence == level
        return steps
    }

    private mutating func parsePrefix(atLeast minimum: Precedence, expecting what: String) throws(QueryError) -> Expression {
        let token = current
        if token.isWord("not"), minimum <= .not {
            advance()
            try enter()
            defer { leave() }
            return try node(.unary(.not, try parseOperators(atLeast: .not)), at: token.location)
        }
        if token.isSymbol(.minus) {
            advance()
            try enter()
            defer { leave() }
            return try node(.unary(.negate, try parsePrefix(atLeast: .unary, expecting: "an expression")), at: token.location)
        }
        return try parsePrimary(expecting: what)
    }

    /// `is [not] null`, `[not] in (…)`, `[not] between … and …`, `[not] like|ilike …`; nil if none follows.
    private mutating func parsePostfix(on operand: Expression) throws(QueryError) -> Expression? {
        let token = current
        if token.isWord("is") {
            advance()
            let negated = skipWord("not")
            try expectWord("null")
            return try node(.isNull(operand, negated: negated), at: token.location)
        }
        let negated = token.isWord("not") && ["in", "between", "like", "ilike"].contains { peek().isWord($0) }
        if negated { advance() }
        if skipWord("in") {
            try expect(.leftParen)
            let list = try parseExpressionList()
            guard skip(.rightParen) else { throw expected("',' or ')'") }
            return try node(.inList(operand, list, negated: negated), at: token.location)
        }
        if skipWord("between") {
            let low = try parseOperators(atLeast: .concatenation)
            try expectWord("and")
            let high = try parseOperators(atLeast: .concatenation)
            return try node(.between(operand, low: low, high: high, negated: negated), at: token.location)
        }
        for (word, caseInsensitive) in [("like", false), ("ilike", true)] where skipWord(word) {
            let pattern = try parseOperators(atLeast: .concatenation)
            return try node(.like(operand, pattern: pattern, caseInsensitive: caseInsensitive, negated: negated), at: token.location)
        }
        return nil
    }

    private mutating func parsePrimary(expecting what: String) throws(QueryError) -> Expression {
        let token = current
        switch token.kind {
        case let .integer(value):
            advance()
            return Expression(.literal(.integer(value)), at: token.location)
        case let .decimal(value):
            advance()
            return Expression(.literal(.decimal(value)), at: token.location)
        case let .string(value):
            advance()
            return Expression(.literal(.text(value)), at: token.location)
        case .word("true"), .word("false"):
            advance()
            return Expression(.literal(.boolean(token.isWord("true"))), at: token.location)
        case .word("null"):
            advance()
            return Expression(.literal(.null), at: token.location)
        case .word("case"):
            return try parseCase()
        case .word("interval") where peek().isString:
            return try parseInterval()
        case .word("cast"):
            return try parseCast()
        case .symbol(.leftParen):
            advance()
            let inner = try parseExpression()
            try expect(.rightParen)
            return inner
        default:
            guard token.identifierName != nil else { throw UnsupportedSQL.refusal(of: token, at: .expression) ?? expected(what) }
            return try parseNameOrCall()
        }
    }

    /// `column`, `table.column` or `function(…)`.
    private mutating func parseNameOrCall() throws(QueryError) -> Expression {
        let first = try parseIdentifier("a name")
        if current.isSymbol(.leftParen) { return try parseCall(first) }
        guard skip(.dot) else { return Expression(.column(ColumnReference(name: first.name)), at: first.location) }
        if current.isSymbol(.star) {
            throw QueryError("'\(first.name).*' is only allowed in the select list", at: current.location)
        }
        let column = try parseIdentifier("a column name")
        return Expression(.column(ColumnReference(table: first.name, name: column.name)), at: first.location)
    }

    /// `name(*)`, `name()`, `name([distinct] expr, …)`
    private mutating func parseCall(_ name: Identifier) throws(QueryError) -> Expression {
        try expect(.leftParen)
        var call = FunctionCall(name: name.name, arguments: .list([]))
        if skip(.star) {
            call.arguments = .star
        } else if !current.isSymbol(.rightParen) {
            call.distinct = skipWord("distinct")
            call.arguments = .list(try parseExpressionList())
        }
        guard skip(.rightParen) else { throw expected("',' or ')'") }
        return try node(.function(call), at: name.location)
    }

    /// `case [operand] when … then … {when … then …} [else …] end`
    private mutating func parseCase() throws(QueryError) -> Expression {
        let location = advance().location
        var caseExpression = CaseExpression(branches: [])
        if !current.isWord("when") { caseExpression.operand = try parseExpression(expecting: "'when' or an expression") }
        guard current.isWord("when") else { throw expected("'when'") }
        while skipWord("when") {
            let condition = try parseExpression()
            try expectWord("then")
            caseExpression.branches.append(CaseBranch(when: condition, then: try parseExpression()))
        }
        if skipWord("else") { caseExpression.elseResult = try parseExpression() }
        guard skipWord("end") else { throw expected("'when', 'else' or 'end'") }
        return try node(.caseWhen(caseExpression), at: location)
    }

    /// `cast(expr as float|text|boolean|timestamp|integer|int|bigint)`
    private mutating func parseCast() throws(QueryError) -> Expression {
        let location = advance().location
        try expect(.leftParen)
        let operand = try parseExpression()
        try expectWord("as")
        let types = CastType.allCases.map(\.rawValue).joined(separator: ", ")
        guard case let .word(word) = current.kind, let type = CastType(word: word) else {
            throw expected("a type (\(types))")
        }
        advance()
        try expect(.rightParen)
        return try node(.cast(operand, type), at: location)
    }

    /// `interval '30 days'`: the text is read now, so a bad unit is reported where it was written.
    private mutating func parseInterval() throws(QueryError) -> Expression {
        let location = advance().location
        let token = advance()
        guard case let .string(text) = token.kind else { throw expected("a quoted interval such as '30 days'") }
        switch IntervalLiteral.parse(text) {
        case let .success(interval): return Expression(.literal(.interval(interval)), at: location)
        case let .failure(error): throw QueryError(error.message, at: token.location)
        }
    }

    /// Builds a node, refusing trees deeper than `Parser.maximumDepth` (comparison chains nest
    /// without parentheses).
    private func node(_ kind: ExpressionKind, at location: SourceLocation) throws(QueryError) -> Expression {
        let expression = Expression(kind, at: location)
        guard expression.height <= Parser.maximumDepth else { throw tooDeep(at: location) }
        return expression
    }
}
