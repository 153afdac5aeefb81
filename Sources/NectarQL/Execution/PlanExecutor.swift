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
        ScanOperator(feed(scan), filter: scan.localFilter, context: context, recorder: recorder)
    }

    private func feed(_ scan: ScanNode) -> PageFeed {
        switch (scan.access, scan.rowBudget) {
        case (.lookups(let paths), _): LookupFeed(paths, flattener: scan.flattener, fetcher: fetcher)
        case (.listings(let requests), let budget?): BudgetedFeed(requests, rowBudget: budget, flattener: scan.flattener, fetcher: fetcher)
        case (.listings(let requests), nil): ListingsFeed(requests, flattener: scan.flattener, fetcher: fetcher)
        }
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

    /// Fetches the right rows for a set of keys through the same scan path as any scan (the
    /// client bounds how many requests run at once), and groups them by key.
    private func lookupFetcher(_ node: JoinNode, _ access: LookupAccess) -> LookupJoinOperator.Fetcher {
        let fetcher = self.fetcher
        let context = self.context
        let recorder = self.recorder
        let scan = node.right
        let flattener = scan.flattener
        let rightColumn = node.join.rightColumns[0]
        return { keys in
            let texts = keys.compactMap(\.integralText)
            let feed: PageFeed
            switch access {
            case .path(let lookup):
                feed = LookupFeed(texts.map(lookup.path(for:)), flattener: flattener, fetcher: fetcher)
            case .filter(let parameter, let listings):
                let requests = texts.flatMap { scan.keyedRequests(parameter: parameter, listings: listings, key: $0) }
                feed = ListingsFeed(requests, flattener: flattener, fetcher: fetcher)
            }
            var found: [Value: [[Value]]] = [:]
            for row in try await ScanOperator(feed, filter: scan.localFilter, context: context, recorder: recorder).drain() {
                found[row[rightColumn].groupingKey, default: []].append(row)
            }
            return found
        }
    }
}
