import NectarCatalog

/// Narrows the rows of a plan over one table to the columns the statement reads. Rows are made
/// at the table's width so that any expression can name any column by its index; when nothing
/// above the scan but this statement's own expressions reads them, the scan can instead carry
/// only the columns read, and those expressions are rewritten to the narrower slots. A snapshot
/// group-by over two of oportunidades' 59 columns then builds, moves and frees two values a row
/// instead of 59.
///
/// Only the expressions between the scan and the first node that makes rows of its own (an
/// aggregate or a projection) read the scan's slots; everything above reads that node's output
/// and is left as it is. Joins keep full rows: a join's right side sits at an offset fixed by
/// the left table's width. A child table keeps full rows too (its rows copy parent columns).
enum ScanRowCompaction {
    static func compacting(_ plan: PlanNode) -> PlanNode {
        rewrite(plan).node
    }

    /// The node rewritten, and the slot map for expressions that read its rows (nil: its rows
    /// are not scan rows, or the scan keeps full rows).
    private static func rewrite(_ node: PlanNode) -> (node: PlanNode, slots: [Int: Int]?) {
        switch node {
        case .scan(let scan):
            return compact(scan)
        case .filter(let input, let predicate, let text):
            let (inner, slots) = rewrite(input)
            return (.filter(inner, remap(predicate, slots), text: text), slots)
        case .sort(let input, let keys, let text):
            let (inner, slots) = rewrite(input)
            let remapped = keys.map { SortKey(expression: remap($0.expression, slots), descending: $0.descending, nullsFirst: $0.nullsFirst) }
            return (.sort(inner, remapped, text: text), slots)
        case .distinct(let input):
            let (inner, slots) = rewrite(input)
            return (.distinct(inner), slots)
        case .limit(let input, let limit, let offset):
            let (inner, slots) = rewrite(input)
            return (.limit(inner, limit: limit, offset: offset), slots)
        case .aggregate(let input, let grouping, let text):
            let (inner, slots) = rewrite(input)
            return (.aggregate(inner, remap(grouping, slots), text: text), nil)
        case .project(let input, let expressions, let names):
            let (inner, slots) = rewrite(input)
            return (.project(inner, expressions.map { remap($0, slots) }, names: names), nil)
        case .values, .join:
            return (node, nil)
        }
    }

    private static func compact(_ scan: ScanNode) -> (node: PlanNode, slots: [Int: Int]?) {
        guard let columns = scan.columns, !scan.table.isChild, scan.servesJoin == nil,
            columns.count < scan.table.columns.count
        else { return (.scan(scan), nil) }
        let slots = Dictionary(uniqueKeysWithValues: columns.sorted().enumerated().map { ($1, $0) })
        var narrowed = scan
        narrowed.compactRows = true
        narrowed.localFilter = scan.localFilter.map { remap($0, slots) }
        return (.scan(narrowed), slots)
    }

    private static func remap(_ expression: BoundExpression, _ slots: [Int: Int]?) -> BoundExpression {
        guard let slots else { return expression }
        return expression.remappingColumns { slot in
            guard let narrowed = slots[slot] else { preconditionFailure("slot \(slot) is read but not in the scan's columns") }
            return narrowed
        }
    }

    /// Keys and arguments read the input rows; `having` reads the aggregate's own output.
    private static func remap(_ grouping: BoundQuery.Grouping, _ slots: [Int: Int]?) -> BoundQuery.Grouping {
        BoundQuery.Grouping(
            keys: grouping.keys.map { remap($0, slots) },
            aggregates: grouping.aggregates.map {
                AggregateCall(function: $0.function, argument: $0.argument.map { remap($0, slots) }, distinct: $0.distinct)
            },
            having: grouping.having)
    }
}
