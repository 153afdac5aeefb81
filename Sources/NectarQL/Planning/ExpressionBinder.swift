import NectarCatalog
import NectarSemantics
import NectarSyntax

/// Turns expressions of the AST into typed, slot-addressed expressions, reporting unknown names
/// and type errors at the place they were written.
///
/// In an aggregate query (`grouping` set) a select, having or order-by expression may only use
/// the group keys and aggregates: they become slots of the aggregate's output row.
struct ExpressionBinder {
    let scope: Scope
    let time: ZonedTime
    var grouping: GroupingCollector?
    /// Select aliases usable by name (in `having`): a name that is not a group key means that item.
    var aliases: [String: Expression] = [:]

    init(scope: Scope, time: ZonedTime, grouping: GroupingCollector? = nil) {
        self.scope = scope
        self.time = time
        self.grouping = grouping
    }

    func bind(_ node: Expression) throws -> TypedExpression {
        if let item = try aliasedItem(node) {
            var plain = self
            plain.aliases = [:]
            return try plain.bind(item)
        }
        if let grouping {
            if let key = try grouping.groupKeySlot(for: node, using: rowBinder) { return key }
            if case .function(let call) = node.kind, let function = AggregateFunction(rawValue: call.name) {
                return try grouping.aggregateSlot(function, call, at: node.location, using: rowBinder)
            }
            if case .column(let reference) = node.kind {
                let name = reference.table.map { "\($0).\(reference.name)" } ?? reference.name
                throw QueryError(
                    "column '\(name)' must appear in group by or be used in an aggregate such as count(\(name)) or max(\(name))",
                    at: node.location)
            }
        }
        return try bindStructure(node)
    }

    private func aliasedItem(_ node: Expression) throws -> Expression? {
        guard !aliases.isEmpty, case .column(let reference) = node.kind, reference.table == nil,
            let item = aliases[reference.name]
        else { return nil }
        if let grouping, try grouping.groupKeySlot(for: node, using: rowBinder) != nil { return nil }
        return item
    }

    /// The same binder over the combined row, for what feeds the aggregate.
    var rowBinder: ExpressionBinder { ExpressionBinder(scope: scope, time: time) }

    private func bindStructure(_ node: Expression) throws -> TypedExpression {
        switch node.kind {
        case .literal(.interval):
            throw QueryError("an interval can only be added to or subtracted from a timestamp, e.g. now() - interval '7 days'", at: node.location)
        case .literal(let literal): return Self.bind(literal)
        case .column(let reference):
            let resolved = try scope.resolve(reference, at: node.location)
            return TypedExpression(.column(resolved.slot), resolved.type)
        case .unary(.negate, let operand):
            let value = try expect(.float, try bind(operand), operand, role: "'-'")
            return TypedExpression(.negate(value.expression), .float)
        case .unary(.not, let operand):
            let value = try expect(.boolean, try bind(operand), operand, role: "'not'")
            return TypedExpression(.not(value.expression), .boolean)
        case .binary(let first, let steps): return try bindChain(first, steps, at: node.location)
        case .isNull(let operand, let negated):
            return TypedExpression(.isNull(try bind(operand).expression, negated: negated), .boolean)
        case .inList(let operand, let list, let negated):
            let value = try bind(operand)
            let items = try list.map { try comparable(try bind($0), $0, with: value, operand, at: node.location).right.expression }
            let constants = items.compactMap { item -> Value? in
                if case .literal(let constant) = item { return constant }
                return nil
            }
            if constants.count == items.count {
                return TypedExpression(.inSet(value.expression, ConstantSet(constants), negated: negated), .boolean)
            }
            return TypedExpression(.inList(value.expression, items, negated: negated), .boolean)
        case .between(let operand, let low, let high, let negated):
            let value = try bind(operand)
            let lo = try comparable(try bind(low), low, with: value, operand, at: node.location).right
            let hi = try comparable(try bind(high), high, with: value, operand, at: node.location).right
            return TypedExpression(.between(value.expression, lo.expression, hi.expression, negated: negated), .boolean)
        case .like(let operand, let pattern, let caseInsensitive, let negated):
            let keyword = caseInsensitive ? "'ilike'" : "'like'"
            let value = try expect(.text, try bind(operand), operand, role: keyword)
            let p = try expect(.text, try bind(pattern), pattern, role: keyword)
            return TypedExpression(
                .like(value.expression, pattern: p.expression, caseInsensitive: caseInsensitive, negated: negated), .boolean)
        case .caseWhen(let caseExpression): return try bindCase(caseExpression, at: node.location)
        case .cast(let operand, let target): return try bindCast(operand, to: target)
        case .function(let call): return try bindFunction(call, at: node.location)
        }
    }

    static func bind(_ literal: Literal) -> TypedExpression {
        switch literal {
        case .integer(let n): TypedExpression(.literal(.float(Double(n))), .float)
        case .decimal(let d): TypedExpression(.literal(.float(d)), .float)
        case .text(let s): TypedExpression(.literal(.text(s)), .text)
        case .boolean(let b): TypedExpression(.literal(.boolean(b)), .boolean)
        case .null: TypedExpression(.literal(.null), nil)
        // Refused before this is reached: an interval never stands alone (see `bindStructure`).
        case .interval: TypedExpression(.literal(.null), nil)
        }
    }

    /// Makes two operands comparable: a text literal next to a timestamp (or number, or boolean)
    /// is read as one; any other mix of types is an error at the operator.
    func comparable(
        _ right: TypedExpression, _ rightNode: Expression, with left: TypedExpression, _ leftNode: Expression,
        at location: SourceLocation
    ) throws -> (left: TypedExpression, right: TypedExpression) {
        guard let lt = left.type, let rt = right.type, lt != rt else { return (left, right) }
        if right.textLiteral != nil { return (left, try coerceLiteral(right, to: lt, rightNode)) }
        if left.textLiteral != nil { return (try coerceLiteral(left, to: rt, leftNode), right) }
        throw QueryError(
            "cannot compare \(lt) with \(rt): \(Printer.print(leftNode)) is \(lt) and \(Printer.print(rightNode)) is \(rt); use cast(… as \(lt)) to convert",
            at: location)
    }

    /// Reads a text literal as a value of `type`, at bind time, so a bad date is reported before any request.
    func coerceLiteral(_ literal: TypedExpression, to type: SQLType, _ node: Expression) throws -> TypedExpression {
        guard let text = literal.textLiteral else { return literal }
        let value = Value.text(text).cast(to: type, time)
        guard !value.isNull else {
            let hint = type == .timestamp ? "; write 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS' or 'DD/MM/YYYY'" : ""
            throw QueryError("'\(text)' is not a \(type)\(hint)", at: node.location)
        }
        return TypedExpression(.literal(value), type)
    }

    func expect(_ type: SQLType, _ value: TypedExpression, _ node: Expression, role: String) throws -> TypedExpression {
        guard let actual = value.type, actual != type else { return value }
        if value.textLiteral != nil { return try coerceLiteral(value, to: type, node) }
        throw QueryError("\(role) needs \(type), but \(Printer.print(node)) is \(actual)", at: node.location)
    }

    /// `cast(x as type)`. A literal that cannot become the type is reported now, for every type;
    /// a value from the data that cannot gives NULL (see `Value.cast`).
    private func bindCast(_ operand: Expression, to target: CastType) throws -> TypedExpression {
        let value = try bind(operand)
        let type = target == .integer ? SQLType.float : SQLType(rawValue: target.rawValue)!
        if let from = value.type, from != type, !Value.canCast(from, to: type) {
            throw QueryError("cannot cast \(from) to \(target.rawValue): \(Printer.print(operand)) is \(from)", at: operand.location)
        }
        if type != .text { _ = try coerceLiteral(value, to: type, operand) }
        return TypedExpression(target == .integer ? .castInteger(value.expression) : .cast(value.expression, type), type)
    }

    private func bindCase(_ caseExpression: CaseExpression, at location: SourceLocation) throws -> TypedExpression {
        let subject = try caseExpression.operand.map { try bind($0) }
        var resultType: SQLType?
        var branches: [BoundExpression.CaseBranch] = []
        for branch in caseExpression.branches {
            var condition = try bind(branch.condition)
            if let subject, let operand = caseExpression.operand {
                let pair = try comparable(condition, branch.condition, with: subject, operand, at: branch.condition.location)
                condition = TypedExpression(.comparison(.equal, pair.left.expression, pair.right.expression), .boolean)
            } else {
                condition = try expect(.boolean, condition, branch.condition, role: "'when'")
            }
            let result = try bind(branch.result)
            resultType = try unify(resultType, result, branch.result)
            branches.append(.init(condition: condition.expression, result: result.expression))
        }
        let otherwise = try caseExpression.elseResult.map { node -> BoundExpression in
            let value = try bind(node)
            resultType = try unify(resultType, value, node)
            return value.expression
        }
        return TypedExpression(.caseWhen(branches, otherwise: otherwise), resultType)
    }

    /// The one type several results share (case branches, coalesce arguments).
    func unify(_ current: SQLType?, _ next: TypedExpression, _ node: Expression) throws -> SQLType? {
        guard let current, let type = next.type, current != type else { return current ?? next.type }
        throw QueryError("all results must have one type: \(Printer.print(node)) is \(type), earlier ones are \(current)", at: node.location)
    }

    private func bindFunction(_ call: FunctionCall, at location: SourceLocation) throws -> TypedExpression {
        if AggregateFunction(rawValue: call.name) != nil {
            throw QueryError("aggregate \(call.name)() is not allowed here (only in select, having and order by)", at: location)
        }
        guard let function = ScalarFunction(rawValue: call.name) else {
            let known = ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: call.name, among: known).map { "; did you mean \($0)?" } ?? "; known functions: \(known.joined(separator: ", "))"
            throw QueryError("unknown function '\(call.name)'\(hint)", at: location)
        }
        guard case .list(let nodes) = call.arguments, !call.distinct else {
            throw QueryError("\(function.rawValue) takes arguments: \(function.usage)", at: location)
        }
        return try FunctionBinding(binder: self, function: function, location: location).bind(nodes)
    }
}
