import NectarCatalog

/// A bound expression and its type; nil type means the NULL literal, which fits any type.
struct TypedExpression: Sendable, Hashable {
    let expression: BoundExpression
    let type: SQLType?

    init(_ expression: BoundExpression, _ type: SQLType?) {
        self.expression = expression
        self.type = type
    }

    var textLiteral: String? {
        if case .literal(.text(let text)) = expression { return text }
        return nil
    }
}
