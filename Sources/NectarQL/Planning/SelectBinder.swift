import NectarCatalog
import NectarSemantics
import NectarSyntax

/// Binds a select statement against the catalog: tables, joins, filters, grouping, outputs, order.
package struct SelectBinder {
    let catalog: Catalog
    let time: ZonedTime
    /// Evaluates constant expressions (with the statement's `now()`), so they fold before the pushdown.
    let evaluateConstant: ConstantEvaluator

    package init(catalog: Catalog, time: ZonedTime, evaluateConstant: @escaping ConstantEvaluator) {
        self.catalog = catalog
        self.time = time
        self.evaluateConstant = evaluateConstant
    }

    package func bind(_ select: SelectStatement) throws -> BoundQuery {
        var scope = Scope()
        var joins: [BoundJoin] = []
        if let from = select.from {
            try scope.add(try table(from.name), as: from)
            for join in select.joins {
                try scope.add(try table(join.table.name), as: join.table)
                joins.append(try JoinBinder(scope: scope, time: time).bind(join, table: scope.tables.count - 1))
            }
        }
        let rowBinder = ExpressionBinder(scope: scope, time: time)
        var text = BoundQuery.QueryText()
        var filters: [BoundExpression] = []
        if let condition = select.whereClause {
            let bound = try rowBinder.expect(.boolean, try rowBinder.bind(condition), condition, role: "'where'")
            filters = bound.expression.folded(evaluateConstant).conjuncts
            text.filters = [Printer.print(condition)]
        }
        let items = try expandItems(select.items, scope: scope)
        let aggregated = !select.groupBy.isEmpty || items.contains { GroupingCollector.containsAggregate($0.node) }
            || (select.having.map(GroupingCollector.containsAggregate) ?? false)
            || select.orderBy.contains { GroupingCollector.containsAggregate($0.expression) }
        var grouping: GroupingCollector?
        if aggregated {
            let keys = try select.groupBy.map { try bindGroupKey($0, items: items, binder: rowBinder) }
            grouping = GroupingCollector(keys: keys)
            text.groupKeys = select.groupBy.map { Printer.print($0) }
        }
        let outputBinder = ExpressionBinder(scope: scope, time: time, grouping: grouping)
        let outputs = try items.map { try outputBinder.bind($0.node) }
        var having: BoundExpression?
        if let node = select.having {
            guard grouping != nil else { throw QueryError("'having' needs 'group by' or an aggregate", at: node.location) }
            var havingBinder = outputBinder
            havingBinder.aliases = Dictionary(items.compactMap { item in item.alias.map { ($0, item.node) } }, uniquingKeysWith: { first, _ in first })
            having = try havingBinder.expect(.boolean, try havingBinder.bind(node), node, role: "'having'").expression
            text.having = Printer.print(node)
        }
        let orderBinder = OrderBinder(binder: outputBinder, items: items, outputs: outputs, distinct: select.distinct)
        let order = try select.orderBy.map(orderBinder.bind)
        text.order = select.orderBy.map { "\(Printer.print($0.expression))\($0.descending ? " desc" : "")" }
        let groupingResult = grouping.map { collector in
            BoundQuery.Grouping(keys: collector.keys.map(\.expression), aggregates: collector.aggregates, having: having)
        }
        text.aggregates = grouping?.aggregates.map(Self.describe) ?? []
        return BoundQuery(
            scope: scope, joins: joins, filters: filters, grouping: groupingResult, outputs: outputs.map(\.expression),
            columns: zip(OutputNames.unique(items.map(\.outputName)), outputs).map { ResultColumn(name: $0, type: $1.type ?? .text) },
            order: order, distinct: select.distinct,
            limit: select.limit, offset: select.offset ?? 0, text: text)
    }

    package func table(_ name: Identifier) throws -> TableDefinition {
        if let table = catalog.table(named: name.name) { return table }
        let hint = Suggestion.closest(to: name.name, among: catalog.tableNames).map { "did you mean \($0)?" }
            ?? "`show tables` lists them"
        throw QueryError("unknown table '\(name.name)'; \(hint)", at: name.location)
    }

    /// A select item with its output name: the alias, else the bare column name, else the expression text.
    struct Item {
        let node: Expression
        let name: String
        let alias: String?
        /// The written table or alias of a plain column reference (or `*`'s table): what tells
        /// two result columns of the same name apart.
        var qualifier: String? = nil

        var outputName: OutputNames.Candidate { OutputNames.Candidate(name: name, qualifier: alias == nil ? qualifier : nil) }
    }

    private func expandItems(_ items: [SelectItem], scope: Scope) throws -> [Item] {
        try items.flatMap { item -> [Item] in
            switch item {
            case .wildcard:
                guard !scope.tables.isEmpty else { throw QueryError("'*' needs a table: select * from <table>", at: nil) }
                return scope.tables.flatMap { columnItems(of: $0) }
            case .tableWildcard(let qualifier):
                guard let table = scope.tables.first(where: { $0.answers(to: qualifier.name) }) else {
                    let names = scope.tables.map(\.exposedName)
                    let hint = Suggestion.closest(to: qualifier.name, among: names).map { "; did you mean \($0)?" } ?? ""
                    throw QueryError("unknown table or alias '\(qualifier.name)' in '\(qualifier.name).*'\(hint)", at: qualifier.location)
                }
                return columnItems(of: table)
            case .expression(let node, let alias):
                var qualifier: String?
                if case .column(let reference) = node.kind { qualifier = reference.table }
                return [Item(node: node, name: alias?.name ?? Self.outputName(node), alias: alias?.name, qualifier: qualifier)]
            }
        }
    }

    private func columnItems(of table: BoundTable) -> [Item] {
        table.definition.columns.map { column in
            let reference = ColumnReference(table: table.exposedName, name: column.name)
            return Item(node: Expression(.column(reference)), name: column.name, alias: nil, qualifier: table.exposedName)
        }
    }

    static func outputName(_ node: Expression) -> String {
        if case .column(let reference) = node.kind { return reference.name }
        return Printer.print(node)
    }

    /// `group by 2` is the second select item; `group by total` may name a select alias.
    private func bindGroupKey(_ node: Expression, items: [Item], binder: ExpressionBinder) throws -> TypedExpression {
        if GroupingCollector.containsAggregate(node) {
            throw QueryError("aggregates are not allowed in group by", at: node.location)
        }
        if case .literal(.integer(let ordinal)) = node.kind {
            guard items.indices.contains(ordinal - 1) else {
                throw QueryError("group by \(ordinal) is out of range: the select list has \(items.count) items", at: node.location)
            }
            return try binder.bind(items[ordinal - 1].node)
        }
        if case .column(let reference) = node.kind, reference.table == nil,
            (try? binder.bind(node)) == nil, let item = items.first(where: { $0.alias == reference.name }) {
            return try binder.bind(item.node)
        }
        return try binder.bind(node)
    }

    static func describe(_ aggregate: AggregateCall) -> String {
        guard aggregate.argument != nil else { return "count(*)" }
        return "\(aggregate.function.rawValue)(\(aggregate.distinct ? "distinct " : "")…)"
    }
}
