import NectarCatalog
import NectarSource
import NectarSyntax

/// Turns a bound query into the plan that runs: places each `where` conjunct on the scan of the
/// one table it reads (where that is safe), pushes what the API can filter into the requests,
/// chooses a join strategy by estimated requests, and stacks the local operators above.
package struct Planner {
    let catalog: Catalog
    let estimates: CardinalityEstimates
    /// What the scans' source can do: the documented API, or (to measure the naive strategy)
    /// the API used with no parameter but the required scope, no projection and no lookups.
    let source: any RecordSource

    package init(catalog: Catalog, estimates: CardinalityEstimates, source: any RecordSource) {
        self.catalog = catalog
        self.estimates = estimates
        self.source = source
    }

    var pageSize: Int { source.recordsPerRequest }

    package func plan(_ query: BoundQuery) -> PlanNode {
        ScanRowCompaction.compacting(planWithFullRows(query))
    }

    /// The plan with every scan's rows at its table's width, before `ScanRowCompaction`.
    func planWithFullRows(_ query: BoundQuery) -> PlanNode {
        var node = joinTree(query)
        if let grouping = query.grouping {
            node = .aggregate(node, grouping, text: Self.groupingText(query.text))
            if let having = grouping.having { node = .filter(node, having, text: query.text.having ?? "having") }
        }
        if !query.order.isEmpty, !query.orderAfterProjection {
            node = .sort(node, query.order, text: query.text.order.joined(separator: ", "))
        }
        node = .project(node, query.outputs, names: query.columns.map(\.name))
        if query.distinct { node = .distinct(node) }
        if query.orderAfterProjection { node = .sort(node, query.order, text: query.text.order.joined(separator: ", ")) }
        if query.limit != nil || query.offset > 0 { node = .limit(node, limit: query.limit, offset: query.offset) }
        return node
    }

    private func joinTree(_ query: BoundQuery) -> PlanNode {
        guard !query.scope.tables.isEmpty else { return .values([[]]) }
        let placement = FilterPlacement(query: query)
        let used = query.usedSlots
        let budget = rowBudget(query)
        let scans = query.scope.tables.indices.map { index in
            scanNode(
                query.scope.tables[index], local: placement.local[index],
                inherited: inheritedConjuncts(for: index, query: query, placement: placement),
                used: used, rowBudget: index == 0 ? budget : nil)
        }
        var node = PlanNode.scan(scans[0])
        var leftRows = scans[0].estimate.rows
        for join in query.joins {
            if case .scan(let first) = node, let shared = sharedRecordScan(left: first, right: scans[join.table], join: join, query: query) {
                node = .scan(shared)
                leftRows = shared.estimate.rows
                continue
            }
            let joinNode = chooseStrategy(join, right: scans[join.table], leftRows: leftRows)
            leftRows = joinNode.estimate.rows
            node = .join(left: node, joinNode)
        }
        if let residual = BoundExpression.conjunction(placement.residual) {
            node = .filter(node, residual, text: query.text.filters.joined(separator: " and "))
        }
        return node
    }

    /// `select … from t limit n` reads only the pages n rows need.
    private func rowBudget(_ query: BoundQuery) -> Int? {
        guard let limit = query.limit, query.joins.isEmpty, query.filters.isEmpty, query.grouping == nil,
            query.order.isEmpty, !query.distinct
        else { return nil }
        return limit + query.offset
    }

    func scanNode(_ table: BoundTable, local: [BoundExpression], inherited: [BoundExpression], used: Set<Int>, rowBudget: Int?) -> ScanNode {
        let definition = table.definition
        let recordTable = parentTable(of: definition) ?? definition
        let pushable = (definition.isChild ? translateToParent(local, child: definition, parent: recordTable) : local) + inherited
        let pushdown = cheapestPushdown(pushable, table: definition, recordTable: recordTable)
        let usedColumns = Set(used.filter { table.slots.contains($0) }.map { $0 - table.offset })
        return ScanNode(
            table: definition, name: table.exposedName, pushdown: pushdown,
            attributes: source.projects ? Projection.attributes(of: definition, columns: usedColumns) : [],
            localFilter: BoundExpression.conjunction(local),
            filterText: local.isEmpty ? nil : local.map { $0.text(columns: definition.columns.map(\.name)) }.joined(separator: " and "),
            estimate: estimate(pushdown, table: definition, recordTable: recordTable, unpushed: !local.isEmpty),
            rowBudget: source.stopsAtRowBudget ? rowBudget : nil, customFieldFilter: Self.customFieldFilterText(local, table: definition),
            columns: usedColumns)
    }

    /// The predicates on custom fields, which only run locally: the API documents a
    /// `camposPersonalizados` filter but not its shape, so none is sent.
    private static func customFieldFilterText(_ local: [BoundExpression], table: TableDefinition) -> String? {
        let onCustomFields = local.filter { $0.referencedColumns.contains { table.columns[$0].customField != nil } }
        guard !onCustomFields.isEmpty else { return nil }
        return onCustomFields.map { $0.text(columns: table.columns.map(\.name)) }.joined(separator: " and ")
    }

    /// Lookups per id and one listing per value of an `in` pay off for a few values; for many, a
    /// listing without them costs fewer requests. The local filter keeps the answer the same.
    private func cheapestPushdown(_ conjuncts: [BoundExpression], table: TableDefinition, recordTable: TableDefinition) -> Pushdown {
        let analyzer = PushdownAnalyzer(table: recordTable, source: source)
        let candidates = [
            analyzer.analyze(conjuncts),
            analyzer.analyze(conjuncts, allowLookups: false),
            analyzer.analyze(conjuncts, allowLookups: false, allowFanOut: false),
        ]
        let costs = candidates.map { estimate($0, table: table, recordTable: recordTable, unpushed: true).requests }
        return candidates[costs.indices.min { costs[$0] < costs[$1] }!]
    }

    func parentTable(of table: TableDefinition) -> TableDefinition? {
        guard case .arrayElements(let parent, _) = table.origin else { return nil }
        return catalog.table(named: parent)
    }

    /// A child table's conjuncts on its parent-id column are conjuncts on the parent's `id`.
    private func translateToParent(_ conjuncts: [BoundExpression], child: TableDefinition, parent: TableDefinition) -> [BoundExpression] {
        var map: [Int: Int] = [:]
        for (index, column) in child.columns.enumerated() {
            if case .parent(let path) = column.source, path.count == 1, let target = parent.columnIndex(path[0]) {
                map[index] = target
            }
        }
        return conjuncts.filter { $0.referencedColumns.allSatisfy { map[$0] != nil } }.map { $0.remappingColumns { map[$0]! } }
    }

    /// A child table joined to its parent on the parent id is read from the same records, so the
    /// parent's filters narrow the child's requests too.
    private func inheritedConjuncts(for index: Int, query: BoundQuery, placement: FilterPlacement) -> [BoundExpression] {
        let child = query.scope.tables[index]
        guard let parent = parentTable(of: child.definition),
            let parentIndex = query.scope.tables.indices.first(where: { other in
                query.scope.tables[other].definition.name == parent.name && ParentLink.joins(query, child: index, parent: other)
            })
        else { return [] }
        return placement.local[parentIndex]
    }

    private func estimate(_ pushdown: Pushdown, table: TableDefinition, recordTable: TableDefinition, unpushed: Bool) -> Estimate {
        let perRecord = table.isChild ? CardinalityEstimates.childRowsPerRecord : 1
        switch pushdown.access {
        case .lookups(_, let keys):
            return Estimate(requests: keys.count, rows: Int(Double(keys.count) * perRecord))
        case .listings(let sets):
            let endpoint = recordTable.endpoint
            let total = Double(estimates.total(of: endpoint))
            var requests = 0
            var records = 0.0
            for set in sets {
                let share = estimates.records(path: endpoint.path, filters: set).map(Double.init)
                    ?? set.reduce(total) { share, parameter in share * Self.selectivity(of: parameter, in: endpoint) }
                records += share
                requests += Int(share) / pageSize + 1
            }
            let rows = records * perRecord * (unpushed ? 0.5 : 1)
            return Estimate(requests: requests, rows: max(1, Int(rows)))
        }
    }

    /// A rough share of records a documented filter keeps; only used to compare strategies.
    private static func selectivity(of parameter: QueryParameter, in endpoint: Endpoint) -> Double {
        if let scope = endpoint.requiredScope, parameter.name == scope.parameter { return 1 / Double(max(1, scope.values.count)) }
        if parameter.name == "exato" { return 1 }
        if parameter.name == "nome" { return 0.05 }
        if parameter.name.hasPrefix("data") { return 0.3 }
        return min(1, 0.1 * Double(parameter.value.split(separator: ",").count))
    }

    private static func groupingText(_ text: BoundQuery.QueryText) -> String {
        let keys = text.groupKeys.isEmpty ? "" : "group by \(text.groupKeys.joined(separator: ", ")); "
        return keys + "compute \(text.aggregates.joined(separator: ", "))"
    }
}
