extension TableDefinition {
    /// A table and one of its child tables read from the same records, as one table: its columns
    /// are `first`'s then `second`'s (whichever is the parent), one row per array element, the
    /// parent's columns repeated on each. A join of the two on the parent id is exactly these rows,
    /// so it needs one read of the endpoint instead of two. With `keepingRecordsWithoutElements`
    /// a record without elements still gives a row (the parent left-joined to its child).
    /// Nil unless one table is the other's child.
    package static func sharedRecords(
        _ first: TableDefinition, _ second: TableDefinition, keepingRecordsWithoutElements: Bool
    ) -> TableDefinition? {
        guard let (parent, child) = parentAndChild(first, second),
            case .arrayElements(_, let key) = child.origin,
            !parent.columns.contains(where: { $0.path.first?.lowercased() == key.lowercased() })
        else { return nil }
        // The parent's columns are read from the record around each element.
        let asParent = parent.columns.map {
            ColumnDefinition($0.name, $0.type, .parent($0.path), summary: $0.summary, customField: $0.customField)
        }
        let parentFirst = parent.name == first.name
        let columns = parentFirst ? asParent + child.columns : child.columns + asParent
        let childColumns = parentFirst ? asParent.count..<columns.count : 0..<child.columns.count
        return TableDefinition(
            name: "\(first.name) + \(second.name)", title: "\(first.title) + \(second.title)", endpoint: parent.endpoint,
            origin: child.origin, columns: columns,
            childColumnsOfRecordsWithoutElements: keepingRecordsWithoutElements ? childColumns : nil)
    }

    private static func parentAndChild(_ first: TableDefinition, _ second: TableDefinition) -> (TableDefinition, TableDefinition)? {
        for (parent, child) in [(first, second), (second, first)] {
            if case .arrayElements(let parentName, _) = child.origin, parentName == parent.name, !parent.isChild,
                parent.endpoint.path == child.endpoint.path
            {
                return (parent, child)
            }
        }
        return nil
    }
}

extension ColumnDefinition {
    /// The keys leading to the value, from the record or the element.
    var path: [String] {
        switch source {
        case .field(let path), .parent(let path): path
        }
    }
}
