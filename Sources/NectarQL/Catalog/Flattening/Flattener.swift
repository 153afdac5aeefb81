/// Turns the API's JSON records into a table's rows, reading straight from the body's bytes:
/// only the keys the table needs are decoded, the rest is validated and skipped.
public struct Flattener: Sendable {
    public let table: TableDefinition
    let trie: KeyTrie
    /// The type of each value slot: the table's columns, then (if the table has no column for
    /// the record's own id) one hidden slot for it.
    let slotTypes: [SQLType]
    /// The slot holding the record's id (the parent's, for a child table).
    let idSlot: Int
    /// For a child table: the columns copied from the parent record into every row.
    let parentColumns: [Int]
    /// Per value slot, how a custom field's value is read (nil: the seed's coercion by type).
    let customRules: [CustomFieldRule?]
    /// The trie node of the record's custom values object, where keys that match no column are
    /// counted as ignored (a renamed or inactive field); -1 when the table has no custom column.
    let customValuesNode: Int

    public init(table: TableDefinition) {
        self.table = table
        var trie = KeyTrie()
        var slotTypes = table.columns.map(\.type)
        var parentColumns: [Int] = []

        var elementRoot: Int?
        if case .arrayElements(_, let key) = table.origin {
            elementRoot = trie.makeElementArray(at: trie.insert([key]))
        }
        var idSlot: Int?
        for (index, column) in table.columns.enumerated() {
            switch (column.source, elementRoot) {
            case (.field(let path), let elementRoot?):
                trie.addSlot(index, at: trie.insert(path, under: elementRoot))
            case (.field(let path), nil), (.parent(let path), _):
                trie.addSlot(index, at: trie.insert(path))
                if elementRoot != nil { parentColumns.append(index) }
                if path.count == 1, path[0].lowercased() == "id", idSlot == nil { idSlot = index }
            }
            // A record may file a custom value under the field's alias instead of its name.
            for key in column.customField?.definition.recordKeys.dropFirst() ?? [] {
                trie.addSlot(index, at: trie.insert(Array(column.path.dropLast()) + [key]))
            }
        }
        let customColumns = table.columns.filter { $0.customField != nil }
        customValuesNode = customColumns.first.map { trie.insert(Array($0.path.dropLast())) } ?? -1
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
        customRules = slotTypes.indices.map { $0 < table.columns.count ? table.columns[$0].customField?.rule : nil }
    }

    /// Flattens a listing page: the body must be a JSON array of records.
    /// Throws `JSONError` on invalid or truncated JSON, or when the body is not an array.
    public func flattenPage(_ body: [UInt8]) throws -> FlattenedPage {
        try read(body) { reader throws(JSONError) in
            guard try reader.scanner.peek() == UInt8(ascii: "[") else {
                throw JSONError(.unexpectedShape("expected a JSON array of records"), at: reader.scanner.index)
            }
            try reader.readRecordArray()
        }
    }

    /// Flattens a lookup's answer: one record object, or an array of them (some lookups list).
    public func flattenObject(_ body: [UInt8]) throws -> FlattenedPage {
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
