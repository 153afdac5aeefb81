/// Keeps operator chains in one canonical shape: `(a + b) + c` is the same tree as `a + b + c`,
/// a single node with three operands, whether the parser or a program built it. Comparisons are
/// not flattened: `a = b = c` compares a boolean with `c`, and a chain of them is real nesting.
enum OperatorChain {
    /// Whether operators of this level are gathered into one flat node.
    static func flattens(_ op: BinaryOperator) -> Bool { op.precedence != .comparison }

    /// `kind` with a left operand that is a chain of the same level merged into it, and the place
    /// of the merged node (its first operator).
    static func flattened(_ kind: ExpressionKind, at location: SourceLocation) -> (ExpressionKind, SourceLocation) {
        guard case let .binary(first, steps) = kind, let op = steps.first?.op, flattens(op),
            case let .binary(innerFirst, innerSteps) = first.kind, let innerOp = innerSteps.first?.op,
            innerOp.precedence == op.precedence
        else { return (kind, location) }
        return (.binary(innerFirst, innerSteps + steps), first.location)
    }
}
