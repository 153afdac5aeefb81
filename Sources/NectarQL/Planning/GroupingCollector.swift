import NectarCatalog
import NectarSyntax

/// Collects what an aggregate query computes: the group keys (bound over the combined row) and
/// each distinct aggregate call, and hands out their slots in the aggregate's output row
/// (keys first, then aggregates).
final class GroupingCollector {
    private(set) var keys: [TypedExpression]
    private(set) var aggregates: [AggregateCall] = []

    init(keys: [TypedExpression]) { self.keys = keys }

    /// The slot of a group key, when the whole expression is one (and uses no aggregate).
    func groupKeySlot(for node: Expression, using binder: ExpressionBinder) throws -> TypedExpression? {
        guard !keys.isEmpty, !Self.containsAggregate(node), let bound = try? binder.bind(node) else { return nil }
        guard let index = keys.firstIndex(where: { $0.expression == bound.expression }) else { return nil }
        return TypedExpression(.column(index), keys[index].type)
    }

    func aggregateSlot(_ function: AggregateFunction, _ call: FunctionCall, at location: SourceLocation, using binder: ExpressionBinder) throws -> TypedExpression {
        let argument: TypedExpression?
        switch call.arguments {
        case .star:
            guard function == .count else {
                throw QueryError("\(function.rawValue)(*) is not defined; only count(*) counts rows", at: location)
            }
            argument = nil
        case .list(let nodes):
            guard nodes.count == 1 else {
                throw QueryError("\(function.rawValue) takes one argument: \(function.rawValue)(x)", at: location)
            }
            if Self.containsAggregate(nodes[0]) {
                throw QueryError("aggregates cannot be nested", at: nodes[0].location)
            }
            var bound = try binder.bind(nodes[0])
            if function == .sum || function == .avg {
                bound = try binder.expect(.float, bound, nodes[0], role: "\(function.rawValue)()")
            }
            argument = bound
        }
        let aggregate = AggregateCall(function: function, argument: argument?.expression, distinct: call.distinct)
        let type: SQLType? = switch function {
        case .count, .sum, .avg: .float
        case .min, .max: argument?.type
        }
        let index = aggregates.firstIndex(of: aggregate) ?? {
            aggregates.append(aggregate)
            return aggregates.count - 1
        }()
        return TypedExpression(.column(keys.count + index), type)
    }

    static func containsAggregate(_ node: Expression) -> Bool {
        if case .function(let call) = node.kind, AggregateFunction(rawValue: call.name) != nil { return true }
        return node.kind.children.contains(where: containsAggregate)
    }
}
