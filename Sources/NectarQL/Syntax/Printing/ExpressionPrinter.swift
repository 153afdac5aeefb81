/// Prints expressions with the fewest parentheses that keep the tree: a child is wrapped
/// when it binds more loosely than its place requires (see `Precedence`).
enum ExpressionPrinter {
    static func text(of expression: Expression) -> String {
        switch expression.kind {
        case let .literal(literal): return text(of: literal)
        case let .column(column):
            return (column.table.map { Printer.name($0) + "." } ?? "") + Printer.name(column.name)
        case let .unary(.not, operand):
            return "not " + child(operand, atLeast: .not)
        case let .unary(.negate, operand):
            // `- -x` must not print as `--x`, which starts a comment.
            if case .unary(.negate, _) = operand.kind { return "-(" + text(of: operand) + ")" }
            return "-" + child(operand, atLeast: .unary)
        case let .binary(first, steps):
            let level = expression.precedence
            var text = child(first, atLeast: level)
            for step in steps { text += " \(step.op.rawValue) " + child(step.operand, atLeast: level.tighter) }
            return text
        case let .isNull(operand, negated):
            return child(operand, atLeast: .comparison) + (negated ? " is not null" : " is null")
        case let .inList(operand, list, negated):
            return child(operand, atLeast: .comparison) + (negated ? " not in (" : " in (")
                + list.map(text(of:)).joined(separator: ", ") + ")"
        case let .between(operand, low, high, negated):
            return child(operand, atLeast: .comparison) + (negated ? " not between " : " between ")
                + child(low, atLeast: .concatenation) + " and " + child(high, atLeast: .concatenation)
        case let .like(operand, pattern, caseInsensitive, negated):
            let keyword = (negated ? " not " : " ") + (caseInsensitive ? "ilike " : "like ")
            return child(operand, atLeast: .comparison) + keyword + child(pattern, atLeast: .concatenation)
        case let .caseWhen(caseExpression):
            return text(of: caseExpression)
        case let .cast(operand, type):
            return "cast(" + text(of: operand) + " as " + type.rawValue + ")"
        case let .function(call):
            return text(of: call)
        }
    }

    private static func child(_ expression: Expression, atLeast required: Precedence) -> String {
        let inner = text(of: expression)
        return expression.precedence < required ? "(" + inner + ")" : inner
    }

    private static func text(of literal: Literal) -> String {
        switch literal {
        case let .integer(value): String(value)
        // Swift's shortest round-trip form ("1.5", "2.0", "1e-05"), which the lexer reads back.
        case let .decimal(value): String(value)
        case let .text(value): value.quoted(with: "'")
        case let .boolean(value): value ? "true" : "false"
        case .null: "null"
        case let .interval(interval): "interval " + interval.text.quoted(with: "'")
        }
    }

    private static func text(of caseExpression: CaseExpression) -> String {
        var parts = ["case"]
        if let operand = caseExpression.operand { parts.append(text(of: operand)) }
        for branch in caseExpression.branches {
            parts += ["when", text(of: branch.condition), "then", text(of: branch.result)]
        }
        if let elseResult = caseExpression.elseResult { parts += ["else", text(of: elseResult)] }
        parts.append("end")
        return parts.joined(separator: " ")
    }

    private static func text(of call: FunctionCall) -> String {
        let arguments: String
        switch call.arguments {
        case .star: arguments = "*"
        case let .list(list): arguments = (call.distinct ? "distinct " : "") + list.map(text(of:)).joined(separator: ", ")
        }
        return Printer.name(call.name) + "(" + arguments + ")"
    }
}
