import NectarCatalog
import NectarSyntax

/// Checks a scalar function call against its signature and binds its arguments.
struct FunctionBinding {
    let binder: ExpressionBinder
    let function: ScalarFunction
    let location: SourceLocation

    func bind(_ nodes: [Expression]) throws -> TypedExpression {
        let signature = function.signature
        let minimum = signature.parameters.count - signature.optionalCount
        let arityOK = signature.variadic ? nodes.count >= 1 : (minimum...signature.parameters.count).contains(nodes.count)
        guard arityOK else {
            throw QueryError("wrong number of arguments to \(function.rawValue): write \(function.usage)", at: location)
        }
        var arguments: [BoundExpression] = []
        var shared: SQLType?
        for (index, node) in nodes.enumerated() {
            let bound = try binder.bind(node)
            let parameter = signature.variadic ? nil : signature.parameters[index]
            if let parameter {
                arguments.append(try binder.expect(parameter, bound, node, role: "\(function.rawValue)()").expression)
            } else {
                shared = try binder.unify(shared, bound, node)
                arguments.append(bound.expression)
            }
        }
        if function == .dateTrunc || function == .dateDiff { try checkUnit(nodes[0], arguments[0]) }
        return TypedExpression(.function(function, arguments), signature.result ?? shared)
    }

    /// A date function's unit must be one it knows, and is checked before anything runs.
    private func checkUnit(_ node: Expression, _ argument: BoundExpression) throws {
        guard case .literal(.text(let unit)) = argument else { return }
        let known: [String] = function == .dateTrunc
            ? TruncationUnit.allCases.map(\.rawValue) : IntervalUnit.allCases.map(\.rawValue)
        let recognised = function == .dateTrunc ? TruncationUnit(rawValue: unit.lowercased()) != nil : IntervalUnit(word: unit) != nil
        guard recognised else {
            let units = known.map { "'\($0)'" }.joined(separator: ", ")
            throw QueryError("\(function.rawValue) does not know the unit '\(unit)'; use one of \(units)", at: node.location)
        }
    }
}
