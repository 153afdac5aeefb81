/// One operator and its right operand in a chain `a op b op c …`.
/// Equality and hashing ignore where the operator was written.
public struct BinaryStep: Sendable, Hashable {
    public let op: BinaryOperator
    public let operand: Expression
    /// Where the operator was written, for messages about it.
    public let location: SourceLocation

    public init(_ op: BinaryOperator, _ operand: Expression, at location: SourceLocation = .start) {
        self.op = op
        self.operand = operand
        self.location = location
    }

    public static func == (lhs: BinaryStep, rhs: BinaryStep) -> Bool { lhs.op == rhs.op && lhs.operand == rhs.operand }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(op)
        hasher.combine(operand)
    }
}
