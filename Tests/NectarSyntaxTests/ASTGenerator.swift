@testable import NectarSyntax

/// Builds random but well-formed ASTs for the print/parse round-trip property.
struct ASTGenerator {
    var random: SeededRandom

    /// Names that stress the printer's quoting: plain, mixed case, keywords, spaces, quotes, accents.
    static let names = [
        "nome", "valortotal", "cliente_id", "_x1", "ação", "Nome", "Valor Total", "a\"b", "select", "desc",
        "text", "tables", "order", "1abc", "x y", "NULL", "true", "count", "e", "ü",
    ]
    static let texts = ["", "it's", "''", "linha\nnova", "a;b", "-- not a comment", "/* nor this */", "ação", "\"q\"", "%_"]

    mutating func statement() -> Statement {
        switch random.int(0...9) {
        case 0: return .showTables
        case 1: return .describe(identifier())
        case 2: return .explain(select())
        default: return .select(select())
        }
    }

    mutating func select() -> SelectStatement {
        let hasFrom = random.chance(0.85)
        var select = SelectStatement(distinct: random.chance(0.2), items: (0...random.int(0...3)).map { _ in selectItem(hasFrom: hasFrom) })
        if hasFrom {
            select.from = table()
            select.joins = (0..<random.int(0...2)).map { _ in join() }
            if random.chance(0.6) { select.whereClause = expression(depth: 4) }
        }
        if random.chance(0.3) { select.groupBy = (0...random.int(0...2)).map { _ in expression(depth: 2) } }
        if random.chance(0.2) { select.having = expression(depth: 3) }
        if random.chance(0.4) {
            select.orderBy = (0...random.int(0...2)).map { _ in
                OrderItem(expression(depth: 2), descending: random.chance(0.5), nulls: random.pick([nil, .first, .last]))
            }
        }
        if random.chance(0.4) {
            select.limit = random.int(0...1000)
            if random.chance(0.5) { select.offset = random.int(0...1000) }
        }
        return select
    }

    mutating func selectItem(hasFrom: Bool) -> SelectItem {
        if hasFrom, random.chance(0.1) { return .wildcard }
        if hasFrom, random.chance(0.1) { return .tableWildcard(identifier()) }
        return .expression(expression(depth: 3), alias: random.chance(0.4) ? identifier() : nil)
    }

    mutating func table() -> TableReference {
        TableReference(name: identifier(), alias: random.chance(0.5) ? identifier() : nil)
    }

    mutating func join() -> JoinClause {
        let condition: JoinCondition = random.chance(0.4) ? .column(identifier()) : .expression(expression(depth: 3))
        return JoinClause(kind: random.pick(JoinKind.allCases), table: table(), condition: condition)
    }

    mutating func identifier() -> Identifier { Identifier(random.pick(Self.names)) }

    mutating func expression(depth: Int) -> Expression {
        guard depth > 0, random.chance(0.75) else { return leaf() }
        let next = depth - 1
        let kind: ExpressionKind
        switch random.int(0...9) {
        case 0: kind = .unary(random.pick(UnaryOperator.allCases), expression(depth: next))
        case 1, 2, 3: kind = .binary(expression(depth: next), [BinaryStep(random.pick(BinaryOperator.allCases), expression(depth: next))])
        case 4: kind = .isNull(expression(depth: next), negated: random.chance(0.5))
        case 5: kind = .inList(expression(depth: next), (0...random.int(0...2)).map { _ in expression(depth: next) }, negated: random.chance(0.5))
        case 6:
            kind = .between(expression(depth: next), low: expression(depth: next), high: expression(depth: next), negated: random.chance(0.5))
        case 7:
            kind = .like(expression(depth: next), pattern: expression(depth: next), caseInsensitive: random.chance(0.5), negated: random.chance(0.5))
        case 8:
            let branches = (0...random.int(0...2)).map { _ in CaseBranch(when: expression(depth: next), then: expression(depth: next)) }
            kind = .caseWhen(CaseExpression(
                operand: random.chance(0.5) ? expression(depth: next) : nil,
                branches: branches,
                elseResult: random.chance(0.5) ? expression(depth: next) : nil))
        default:
            if random.chance(0.3) {
                kind = .cast(expression(depth: next), random.pick(CastType.allCases))
            } else {
                let arguments = (0..<random.int(0...3)).map { _ in expression(depth: next) }
                kind = .function(FunctionCall(name: functionName(), arguments: .list(arguments), distinct: !arguments.isEmpty && random.chance(0.2)))
            }
        }
        return Expression(kind)
    }

    mutating func leaf() -> Expression {
        switch random.int(0...9) {
        case 0: return Expression(.literal(.integer(random.int(0...Int.max))))
        case 1: return Expression(.literal(.decimal(decimal())))
        case 2: return Expression(.literal(.text(random.pick(Self.texts))))
        case 3:
            if random.chance(0.3) {
                let part = IntervalLiteral.Part(random.int(0...40) - 20, random.pick(IntervalUnit.allCases))
                return Expression(.literal(.interval(IntervalLiteral([part]))))
            }
            return Expression(.literal(random.pick([.boolean(true), .boolean(false), .null])))
        case 4: return Expression(.function(FunctionCall(name: functionName(), arguments: .star)))
        case 5, 6: return Expression(.column(ColumnReference(table: identifier().name, name: identifier().name)))
        default: return Expression(.column(ColumnReference(name: identifier().name)))
        }
    }

    mutating func decimal() -> Double {
        switch random.int(0...3) {
        case 0: return Double(random.int(0...1_000_000)) / 100
        case 1: return Double(random.int(0...1000)) * 1e300
        case 2: return Double(random.int(1...1000)) * 1e-9
        default: return Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)  // any finite non-negative
        }
    }

    mutating func functionName() -> String {
        random.chance(0.9) ? random.pick(Self.functionNames) : random.pick(["Weird Fn", "left", "text"])
    }

    /// Names the parser must take as calls; which exist is the binder's business, not the parser's.
    private static let functionNames = [
        "count", "sum", "avg", "min", "max", "lower", "upper", "length", "trim", "coalesce", "nullif",
        "round", "abs", "substr", "year", "month", "day", "date", "date_trunc", "date_diff", "now",
    ]
}
