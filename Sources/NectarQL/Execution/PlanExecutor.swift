import NectarCatalog
import NectarSource

/// Builds the operator tree that runs a plan.
struct PlanExecutor {
    let fetcher: PageFetching
    let context: EvaluationContext
    let recorder: ScanRecorder?

    func build(_ node: PlanNode) -> RowOperator {
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
            reader = LookupScanOperator(table: scan.table, paths: paths, fetcher: fetcher, recorder: recorder)
        case (.listings(let requests), let budget?):
            reader = BudgetedScanOperator(table: scan.table, requests: requests, fetcher: fetcher, rowBudget: budget, recorder: recorder)
        case (.listings(let requests), nil):
            reader = ListingScanOperator(
                table: scan.table, requests: requests, fetcher: fetcher, expectsManyPages: scan.expectsManyPages, recorder: recorder)
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
        let rightColumn = node.join.rightColumns[0]
        return { keys in
            try await withThrowingTaskGroup(of: FlattenedPage?.self) { group in
                for key in keys {
                    guard let text = key.integralText else { continue }
                    switch access {
                    case .path(let lookup):
                        group.addTask { try await fetcher.lookup(path: lookup.path(for: text), table: scan.table) }
                    case .filter(let parameter, let listings):
                        for listing in listings {
                            let request = PageRequest(path: scan.path, parameters: listing + [QueryParameter(parameter, text)] + scan.attributeParameters)
                            group.addTask { try await Self.readAll(fetcher.pages(of: request, table: scan.table, firstPage: 1, maxPages: nil, expectsManyPages: false)) }
                        }
                    }
                }
                var found: [Value: [[Value]]] = [:]
                var seen = Set<Value>()
                for try await page in group {
                    guard let page else { continue }
                    var delivered = 0
                    for record in page.records where record.id.isNull || seen.insert(record.id).inserted {
                        for row in record.rows where scan.localFilter?.holds(for: row, context) ?? true {
                            found[row[rightColumn].groupingKey, default: []].append(row)
                            delivered += 1
                        }
                    }
                    recorder?.record(rows: delivered, coercionFailures: page.coercionFailures)
                }
                return found
            }
        }
    }

    /// One listing's pages merged into one page (for a lookup join's per-key listing).
    private static func readAll(_ pages: AsyncThrowingStream<FlattenedPage, any Error>) async throws -> FlattenedPage {
        var records: [FlattenedRecord] = []
        var count = 0
        var failures = 0
        for try await page in pages {
            records += page.records
            count += page.recordCount
            failures += page.coercionFailures
        }
        return FlattenedPage(records: records, recordCount: count, coercionFailures: failures)
    }
}
