@testable import NectarSyntax
import Testing

/// Parses one select or fails the test with the rendered error.
func parseSelect(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SelectStatement {
    let statement = try parseOrRecord(text, sourceLocation: sourceLocation)
    guard case let .select(select) = statement else {
        Issue.record("not a select: \(statement)", sourceLocation: sourceLocation)
        throw QueryError("not a select", at: nil)
    }
    return select
}

func parseOrRecord(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Statement {
    do {
        return try Parser.parseStatement(text)
    } catch {
        Issue.record("\(error.rendered(source: text))", sourceLocation: sourceLocation)
        throw error
    }
}

/// The error `text` produces, rendered with its caret, or nil when it parses.
func renderedError(_ text: String) -> String? {
    do {
        _ = try Parser.parseStatement(text)
        return nil
    } catch {
        return error.rendered(source: text)
    }
}

/// The parse error for `text`, or nil.
func parseError(_ text: String) -> QueryError? {
    do {
        _ = try Parser.parseStatement(text)
        return nil
    } catch {
        return error
    }
}

/// A prefix form of an expression that shows the tree's shape: `1 + 2 * 3` → `(+ 1 (* 2 3))`.
func shape(_ text: String) throws -> String {
    shape(of: try Parser.parseExpression(text))
}

func shape(of expression: Expression) -> String {
    switch expression.kind {
    case .literal, .column, .function, .cast, .caseWhen: return Printer.print(expression)
    case let .unary(op, operand): return "(\(op.rawValue) \(shape(of: operand)))"
    case let .binary(first, steps):
        // A flat chain shows as the left-deep tree it means: `a - b + c` → `(+ (- a b) c)`.
        return steps.reduce(shape(of: first)) { "(\($1.op.rawValue) \($0) \(shape(of: $1.operand)))" }
    case let .isNull(operand, negated): return "(\(negated ? "isnotnull" : "isnull") \(shape(of: operand)))"
    case let .inList(operand, list, negated):
        return "(\(negated ? "notin" : "in") \(shape(of: operand)) [\(list.map(shape(of:)).joined(separator: " "))])"
    case let .between(operand, low, high, negated):
        return "(\(negated ? "notbetween" : "between") \(shape(of: operand)) \(shape(of: low)) \(shape(of: high)))"
    case let .like(operand, pattern, caseInsensitive, negated):
        return "(\(negated ? "not" : "")\(caseInsensitive ? "ilike" : "like") \(shape(of: operand)) \(shape(of: pattern)))"
    }
}

// Short builders for expected trees (locations do not take part in equality).
func column(_ name: String, of table: String? = nil) -> Expression { Expression(.column(ColumnReference(table: table, name: name))) }
func integer(_ value: Int) -> Expression { Expression(.literal(.integer(value))) }
func text(_ value: String) -> Expression { Expression(.literal(.text(value))) }
func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> Expression { Expression(.binary(left, [BinaryStep(op, right)])) }
func call(_ name: String, _ arguments: Expression..., distinct: Bool = false) -> Expression {
    Expression(.function(FunctionCall(name: name, arguments: .list(arguments), distinct: distinct)))
}
