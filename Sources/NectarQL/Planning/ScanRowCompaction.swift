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
        // A slot read but not carried cannot happen (the scan carries every column the statement
        // reads); should it, the plan keeps full rows rather than reading a wrong column.
        (try? rewrite(plan).node) ?? plan
    }

    private struct UncarriedColumn: Error {}

    /// The node rewritten, and the slot map for expressions that read its rows (nil: its rows
    /// are not scan rows, or the scan keeps full rows).
    private static func rewrite(_ node: PlanNode) throws -> (node: PlanNode, slots: [Int: Int]?) {
        switch node {
        case .scan(let scan):
            return try compact(scan)
        case .filter(let input, let predicate, let text):
            let (inner, slots) = try rewrite(input)
            return (.filter(inner, try remap(predicate, slots), text: text), slots)
        case .sort(let input, let keys, let text):
            let (inner, slots) = try rewrite(input)
            let remapped = try keys.map { SortKey(expression: try remap($0.expression, slots), descending: $0.descending, nullsFirst: $0.nullsFirst) }
            return (.sort(inner, remapped, text: text), slots)
        case .distinct(let input):
            let (inner, slots) = try rewrite(input)
            return (.distinct(inner), slots)
        case .limit(let input, let limit, let offset):
            let (inner, slots) = try rewrite(input)
            return (.limit(inner, limit: limit, offset: offset), slots)
        case .aggregate(let input, let grouping, let text):
            let (inner, slots) = try rewrite(input)
            return (.aggregate(inner, try remap(grouping, slots), text: text), nil)
        case .project(let input, let expressions, let names):
            let (inner, slots) = try rewrite(input)
            return (.project(inner, try expressions.map { try remap($0, slots) }, names: names), nil)
        case .values, .join:
            return (node, nil)
        }
    }

    /// The slot map comes from the layout the flattener gives compact rows (`RowLayout.scan`),
    /// so the rows and the rewritten expressions cannot disagree on where a column is.
    private static func compact(_ scan: ScanNode) throws -> (node: PlanNode, slots: [Int: Int]?) {
        let layout = RowLayout.scan(of: scan.table, reading: scan.columns, compact: true)
        guard scan.servesJoin == nil, let carried = layout.columns, carried.count < scan.table.columns.count else {
            return (.scan(scan), nil)
        }
        var narrowed = scan
        narrowed.compactRows = true
        let slots = Dictionary(uniqueKeysWithValues: carried.enumerated().map { ($1, $0) })
        narrowed.localFilter = try scan.localFilter.map { try remap($0, slots) }
        return (.scan(narrowed), slots)
    }

    private static func remap(_ expression: BoundExpression, _ slots: [Int: Int]?) throws -> BoundExpression {
        guard let slots else { return expression }
        guard expression.referencedColumns.allSatisfy({ slots[$0] != nil }) else { throw UncarriedColumn() }
        return expression.remappingColumns { slots[$0]! }
    }

    /// Keys and arguments read the input rows; `having` reads the aggregate's own output.
    private static func remap(_ grouping: BoundQuery.Grouping, _ slots: [Int: Int]?) throws -> BoundQuery.Grouping {
        BoundQuery.Grouping(
            keys: try grouping.keys.map { try remap($0, slots) },
            aggregates: try grouping.aggregates.map { call in
                AggregateCall(function: call.function, argument: try call.argument.map { try remap($0, slots) }, distinct: call.distinct)
            },
            having: grouping.having)
    }
}
