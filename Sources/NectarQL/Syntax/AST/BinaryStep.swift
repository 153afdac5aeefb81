/// One operator and its right operand in a chain `a op b op c …`.
/// Equality and hashing ignore where the operator was written.
package struct BinaryStep: Sendable, Hashable {
    package let op: BinaryOperator
    package let operand: Expression
    /// Where the operator was written, for messages about it.
    package let location: SourceLocation

    package init(_ op: BinaryOperator, _ operand: Expression, at location: SourceLocation = .start) {
        self.op = op
        self.operand = operand
        self.location = location
    }

    package static func == (lhs: BinaryStep, rhs: BinaryStep) -> Bool { lhs.op == rhs.op && lhs.operand == rhs.operand }
    package func hash(into hasher: inout Hasher) {
        hasher.combine(op)
        hasher.combine(operand)
    }
}
