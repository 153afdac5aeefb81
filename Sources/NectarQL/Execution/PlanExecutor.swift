import NectarCatalog
import NectarPlanning
import NectarSource

/// Builds the operator tree that runs a plan.
package struct PlanExecutor {
    let fetcher: PageFetching
    let context: EvaluationContext
    let recorder: ScanRecorder

    package init(fetcher: PageFetching, context: EvaluationContext, recorder: ScanRecorder) {
        self.fetcher = fetcher
        self.context = context
        self.recorder = recorder
    }

    package func build(_ node: PlanNode) -> RowOperator {
        switch node {
        case .values(let rows): return ValuesOperator(rows)
        case .scan(let scan): return scanOperator(scan)
        case .join(let left, let join): return joinOperator(build(left), join)
        case .filter(let input, let predicate, _): return FilterOperator(build(input), predicate: predicate, context: context)
        case .aggregate(let input, let grouping, _):
            return AggregateOperator(build(input), groupKeys: grouping.keys, aggregates: grouping.aggregates, context: context)
        case .sort(let input, let keys, _): return SortOperator(build(input), keys: keys, context: context)
        case .project(let input, let expressions, _): return ProjectOperator(build(input), expressions: expressions, context: context)
        case .distinct(let input): return DistinctOperator(build(input))
        case .limit(let input, let limit, let offset): return LimitOperator(build(input), limit: limit, offset: offset)
        }
    }

    private func scanOperator(_ scan: ScanNode) -> RowOperator {
        let reader: RowOperator
        switch (scan.access, scan.rowBudget) {
        case (.lookups(let paths), _):
            reader = LookupScanOperator(flattener: scan.flattener, paths: paths, fetcher: fetcher, recorder: recorder)
        case (.listings(let requests), let budget?):
            reader = BudgetedScanOperator(
                flattener: scan.flattener, requests: requests, fetcher: fetcher, rowBudget: budget, recorder: recorder)
        case (.listings(let requests), nil):
            reader = ListingScanOperator(flattener: scan.flattener, requests: requests, fetcher: fetcher, recorder: recorder)
        }
        guard let filter = scan.localFilter else { return reader }
        return FilterOperator(reader, predicate: filter, context: context)
    }

    private func joinOperator(_ left: RowOperator, _ node: JoinNode) -> RowOperator {
        let rightWidth = node.right.table.columns.count
        switch node.strategy {
        case .hash:
            let keys = JoinKeys(left: node.join.leftKeys, right: node.join.rightColumns.map { .column($0) }, residual: node.join.residual)
            return HashJoinOperator(
                left: left, right: scanOperator(node.right), rightWidth: rightWidth, condition: keys, kind: node.join.kind,
                context: context)
        case .lookup(let access):
            return LookupJoinOperator(
                left: left, leftKey: node.join.leftKeys[0], residual: node.join.residual, kind: node.join.kind,
                rightWidth: rightWidth, context: context, fetch: lookupFetcher(node, access))
        }
    }

    /// Fetches the right rows for a set of keys concurrently (the client bounds how many at once),
    /// keeps those that pass the right side's own filter, and groups them by key.
    private func lookupFetcher(_ node: JoinNode, _ access: LookupAccess) -> LookupJoinOperator.Fetcher {
        let fetcher = self.fetcher
        let context = self.context
        let recorder = self.recorder
        let scan = node.right
        let flattener = scan.flattener
        let rightColumn = node.join.rightColumns[0]
        return { keys in
            let texts = keys.compactMap(\.integralText)
            let pages: [FlattenedPage]
            switch access {
            case .path(let lookup):
                pages = try await fetcher.lookUp(texts.map(lookup.path(for:)), flattener: flattener)
            case .filter(let parameter, let listings):
                let requests = texts.flatMap { scan.keyedRequests(parameter: parameter, listings: listings, key: $0) }
                pages = try await withThrowingTaskGroup(of: FlattenedPage.self) { group in
                    for request in requests { group.addTask { try await fetcher.readAll(request, flattener: flattener) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            var deduplicator = RecordDeduplicator()
            var found: [Value: [[Value]]] = [:]
            for page in pages {
                let rows = deduplicator.rows(of: page).filter { scan.localFilter?.holds(for: $0, context) ?? true }
                for row in rows { found[row[rightColumn].groupingKey, default: []].append(row) }
                recorder.record(rows: rows.count, from: [page])
            }
            return found
        }
    }
}
