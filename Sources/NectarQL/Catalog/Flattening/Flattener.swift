/// Turns the API's JSON records into a table's rows, reading straight from the body's bytes:
/// only the keys of the columns a query reads are decoded, the rest is skipped. Rows keep the
/// table's width (a column not read is NULL) unless asked to carry only the columns read.
package struct Flattener: Sendable {
    package let table: TableDefinition
    /// What this flattener makes of a body, for caches of decoded pages: the table and the
    /// columns read, so a page decoded for two columns never answers a query that reads three.
    package let identity: Identity

    package struct Identity: Hashable, Sendable {
        let table: String
        /// Every column, custom ones included, with its type: a session with other custom fields
        /// flattens the same body into other rows.
        let columns: [String]
        let keepsRecordsWithoutElements: Bool
        /// The zone custom dates are read in, when the table has custom date columns.
        let customDateZone: String?
        /// The indexes of the columns read, sorted; nil: every column.
        let columnsRead: [Int]?
        let layout: RowLayout
    }
    let trie: KeyTrie
    /// Where the rows carry each column: the table's width, or only the columns read.
    package let layout: RowLayout
    /// The type of each value slot: the row's columns, then (when the rows do not carry the
    /// record's own id) one hidden slot for it.
    let slotTypes: [SQLType]
    /// The slot holding the record's id (the parent's, for a child table).
    let idSlot: Int
    /// Slots below this are table columns, whose unreadable values count as coercion failures
    /// (the id's hidden slot too, when the rows do not carry it; not an id the table lacks).
    let columnSlotCount: Int
    /// For a child table: the slots of the columns copied from the parent record into every row.
    let parentColumns: [Int]
    /// Per value slot, how a custom field's value is read (nil: the seed's coercion by type).
    let customRules: [CustomFieldRule?]
    /// The trie node of the record's custom values object, where keys that match no column are
    /// counted as ignored (a renamed or inactive field); -1 when no custom column is read.
    let customValuesNode: Int
    /// The indexes of the columns the rows carry values for; nil: every column. A reader that
    /// does not parse JSON (a snapshot) reads only these.
    package let columnsRead: Set<Int>?

    /// `columns`: the indexes of the columns to read; nil reads them all. The record's id is
    /// always read, since scans deduplicate records by it. `compactRows`: rows carry only the
    /// columns read, laid out as `RowLayout.scan` says.
    package init(table: TableDefinition, reading columns: Set<Int>? = nil, compactRows: Bool = false) {
        self.table = table
        let read = columns.map { $0.filter(table.columns.indices.contains) }
        columnsRead = read
        layout = RowLayout.scan(of: table, reading: read, compact: compactRows)
        let rowColumns = layout.rowColumns
        identity = Identity(
            table: table.name, columns: table.columns.map { "\($0.name) \($0.type)" },
            keepsRecordsWithoutElements: table.keepsRecordsWithoutElements, customDateZone: table.customDateZone,
            columnsRead: read?.sorted(), layout: layout)
        var trie = KeyTrie()
        var slotTypes = rowColumns.map { table.columns[$0].type }
        var parentColumns: [Int] = []

        var elementRoot: Int?
        if case .arrayElements(_, let key) = table.origin {
            elementRoot = trie.makeElementArray(at: trie.insert([key]))
        }
        var idSlot: Int?
        for (index, column) in table.columns.enumerated() where read?.contains(index) ?? true || Self.isRecordID(column, inChild: table.isChild) {
            // The id, when the rows do not carry it, is read into a hidden slot after theirs.
            let slot = layout.slot(ofColumn: index) ?? slotTypes.count
            if slot == slotTypes.count { slotTypes.append(column.type) }
            switch (column.source, elementRoot) {
            case (.field(let path), let elementRoot?):
                trie.addSlot(slot, at: trie.insert(path, under: elementRoot))
            case (.field(let path), nil), (.parent(let path), _):
                trie.addSlot(slot, at: trie.insert(path))
                if elementRoot != nil { parentColumns.append(slot) }
                if Self.isRecordID(column, inChild: elementRoot != nil), idSlot == nil { idSlot = slot }
            }
            // A record may file a custom value under the field's alias instead of its name.
            for key in column.customField?.definition.recordKeys.dropFirst() ?? [] {
                trie.addSlot(slot, at: trie.insert(Array(column.path.dropLast()) + [key]))
            }
        }
        customValuesNode = Self.addCustomValuesNode(of: table, reading: read, to: &trie)
        columnSlotCount = slotTypes.count
        if idSlot == nil {
            slotTypes.append(.float)
            idSlot = slotTypes.count - 1
            trie.addSlot(idSlot!, at: trie.insert(["id"]))
        }
        trie.seal()
        self.trie = trie
        self.slotTypes = slotTypes
        self.idSlot = idSlot!
        self.parentColumns = parentColumns
        customRules = slotTypes.indices.map { $0 < rowColumns.count ? table.columns[rowColumns[$0]].customField?.rule : nil }
    }

    /// The node of the custom values object when some custom column is read (-1 otherwise: the
    /// whole object is then skipped unread). The labels of custom columns not read become leaves
    /// without slots, skipped without being counted as values under an unknown label.
    private static func addCustomValuesNode(of table: TableDefinition, reading read: Set<Int>?, to trie: inout KeyTrie) -> Int {
        let custom = table.columns.indices.filter { table.columns[$0].customField != nil }
        guard let first = custom.first(where: { read?.contains($0) ?? true }) else { return -1 }
        let objectPath = Array(table.columns[first].path.dropLast())
        for index in custom where !(read?.contains(index) ?? true) {
            for key in table.columns[index].customField!.definition.recordKeys { trie.insert(objectPath + [key]) }
        }
        return trie.insert(objectPath)
    }

    /// The record's own id: a child table's rows carry it as their parent's id, while their own
    /// `id` field is the element's.
    private static func isRecordID(_ column: ColumnDefinition, inChild: Bool) -> Bool {
        switch column.source {
        case .field(let path): !inChild && path.count == 1 && path[0].lowercased() == "id"
        case .parent(let path): path.count == 1 && path[0].lowercased() == "id"
        }
    }

    /// Flattens a listing page: the body must be a JSON array of records.
    /// Throws `JSONError` on invalid or truncated JSON, or when the body is not an array.
    package func flattenPage(_ body: [UInt8]) throws -> FlattenedPage {
        try read(body) { reader throws(JSONError) in
            guard try reader.scanner.peek() == UInt8(ascii: "[") else {
                throw JSONError(.unexpectedShape("expected a JSON array of records"), at: reader.scanner.index)
            }
            try reader.readRecordArray()
        }
    }

    /// Flattens a lookup's answer: one record object, or an array of them (some lookups list).
    package func flattenObject(_ body: [UInt8]) throws -> FlattenedPage {
        try read(body) { reader throws(JSONError) in
            switch try reader.scanner.peek() {
            case UInt8(ascii: "{"): try reader.readRecord()
            case UInt8(ascii: "["): try reader.readRecordArray()
            default:
                throw JSONError(.unexpectedShape("expected a JSON object or array of records"), at: reader.scanner.index)
            }
        }
    }

    /// Reads a whole body: an optional byte order mark, the value `top` reads, then nothing else.
    private func read(
        _ body: [UInt8], _ top: (inout RecordReader) throws(JSONError) -> Void
    ) throws -> FlattenedPage {
        try body.withUnsafeBytes { buffer throws(JSONError) in
            var reader = RecordReader(flattener: self, bytes: buffer)
            reader.scanner.skipByteOrderMark()
            try top(&reader)
            try reader.scanner.expectEnd()
            return reader.page
        }
    }
}
