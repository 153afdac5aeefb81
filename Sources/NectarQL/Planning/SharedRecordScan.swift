import NectarCatalog
import NectarSyntax

/// A child table joined to its parent on the parent id comes from the parent's own records, so
/// one read of the endpoint can serve both sides of the join instead of one read per side.
extension Planner {
    /// The scan that reads both sides of the from table's join with the first joined table from
    /// the same records, when they are a parent and its child joined on the parent id: inner
    /// joins, and left joins whose unmatched rows the shared read produces itself (a parent
    /// without elements; a child always has its parent). Nil when the join does not qualify.
    func sharedRecordScan(left: ScanNode, right: ScanNode, join: BoundJoin, query: BoundQuery) -> ScanNode? {
        guard source.readsChildrenWithParents, join.table == 1, join.leftKeys.count == 1, !(join.kind == .left && join.residual != nil) else { return nil }
        let leftIsParent = !left.table.isChild
        let keepsChildless = join.kind == .left && leftIsParent
        guard let table = TableDefinition.sharedRecords(left.table, right.table, keepingRecordsWithoutElements: keepsChildless),
            ParentLink.joins(query, child: leftIsParent ? 1 : 0, parent: leftIsParent ? 0 : 1)
        else { return nil }
        let child = leftIsParent ? right : left
        let width = left.table.columns.count
        var filters = [left.localFilter, right.localFilter?.remappingColumns { $0 + width }].compactMap { $0 }
        var texts = [left.filterText, right.filterText].compactMap { $0 }
        // The shared read pairs each element with its own record, so the key always matches
        // unless the record has no id; an inner join must still drop those.
        if join.kind == .inner {
            filters.append(.comparison(.equal, join.leftKeys[0], .column(width + join.rightColumns[0])))
            texts.append(join.text)
        }
        if let residual = join.residual { filters.append(residual) }
        return ScanNode(
            table: table, name: "\(left.name) + \(right.name)", pushdown: child.pushdown,
            attributes: Self.mergedAttributes(left.attributes, right.attributes),
            localFilter: BoundExpression.conjunction(filters), filterText: texts.isEmpty ? nil : texts.joined(separator: " and "),
            estimate: child.estimate, rowBudget: nil,
            customFieldFilter: Self.joined([left.customFieldFilter, right.customFieldFilter]),
            servesJoin: "\(join.kind.rawValue) join on \(join.text)",
            columns: Self.mergedColumns(left.columns, right.columns, rightOffset: width))
    }

    private static func joined(_ texts: [String?]) -> String? {
        let present = texts.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: " and ")
    }

    /// Columns either side reads, the right side's after the left's; nil (every column) when either reads all.
    private static func mergedColumns(_ left: Set<Int>?, _ right: Set<Int>?, rightOffset: Int) -> Set<Int>? {
        guard let left, let right else { return nil }
        return left.union(right.map { $0 + rightOffset })
    }

    /// Keys both sides need; no `attribute=` at all (every key) when either side needs every key.
    private static func mergedAttributes(_ first: [String], _ second: [String]) -> [String] {
        guard !first.isEmpty, !second.isEmpty else { return [] }
        return first + second.filter { !first.contains($0) }
    }
}
