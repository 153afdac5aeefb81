/// Walks one body for a `Flattener`, filling value slots as matching keys go by.
struct RecordReader {
    let flattener: Flattener
    var scanner: JSONScanner
    private var records: [FlattenedRecord] = []
    private var recordCount = 0
    private var failures = 0
    private var ignoredCustomValues = 0
    /// The current record's slots (record columns, or a child table's parent columns).
    private var recordValues: [Value]
    /// A child table's rows of the current record, one per array element.
    private var elementRows: [[Value]] = []
    private var keyMemo = KeyMemo()

    init(flattener: Flattener, bytes: UnsafeRawBufferPointer) {
        self.flattener = flattener
        self.scanner = JSONScanner(bytes)
        self.recordValues = []
    }

    var page: FlattenedPage {
        FlattenedPage(
            records: records, recordCount: recordCount, coercionFailures: failures, ignoredCustomValues: ignoredCustomValues)
    }

    mutating func readRecordArray() throws(JSONError) {
        try scanner.enterArray()
        var isFirst = true
        while try scanner.arrayHasNextElement(isFirst: &isFirst) {
            if try scanner.peek() == UInt8(ascii: "{") {
                try readRecord()
            } else {
                recordCount += 1
                failures += 1
                try scanner.skipValue(depth: 1)
            }
        }
    }

    /// Reads one record object (at `peek()`) into a `FlattenedRecord`.
    mutating func readRecord() throws(JSONError) {
        recordCount += 1
        // A fresh buffer per record: for a record table it becomes the row itself, so no slot is
        // reset one by one nor the row copied out value by value (both cost a call per column).
        recordValues = Array(repeating: .null, count: flattener.slotTypes.count)
        elementRows.removeAll(keepingCapacity: true)
        keyMemo.startRecord()
        try readObject(node: KeyTrie.root, intoRow: false, depth: 1)

        let columnCount = flattener.layout.width
        let id = recordValues[flattener.idSlot]
        if flattener.table.isChild {
            if elementRows.isEmpty, let childColumns = flattener.table.childColumnsOfRecordsWithoutElements {
                // Only the record's own columns: the child's copy of the parent id stays NULL too,
                // so `count(child.parent_id)` and `child.parent_id is null` see no element.
                var row = [Value](repeating: .null, count: columnCount)
                for column in flattener.parentColumns where !childColumns.contains(column) { row[column] = recordValues[column] }
                records.append(FlattenedRecord(id: id, rows: [row]))
                return
            }
            // Written in place and handed over: a copy would copy every row before its first write.
            for rowIndex in elementRows.indices {
                for column in flattener.parentColumns { elementRows[rowIndex][column] = recordValues[column] }
            }
            records.append(FlattenedRecord(id: id, rows: elementRows))
            elementRows = []
        } else {
            var row = recordValues
            recordValues = []
            if row.count > columnCount { row.removeLast(row.count - columnCount) }
            records.append(FlattenedRecord(id: id, rows: [row]))
        }
    }

    /// Reads the object at `peek()`, routing each member through the trie below `node`.
    /// `intoRow` picks the buffer: the last element row, or the record's slots.
    private mutating func readObject(node: Int, intoRow: Bool, depth: Int) throws(JSONError) {
        try scanner.enterObject()
        var isFirst = true
        while try scanner.objectHasNextMember(isFirst: &isFirst) {
            if let child = try keyMemo.readChild(of: node, from: &scanner, trie: flattener.trie) {
                try readValue(node: child, intoRow: intoRow, depth: depth + 1)
            } else {
                if node == flattener.customValuesNode { ignoredCustomValues += 1 }
                try scanner.skipUnreadValue()
            }
        }
    }

    private mutating func readValue(node index: Int, intoRow: Bool, depth: Int) throws(JSONError) {
        let elementRoot = flattener.trie.elementRootOf[index]
        if elementRoot >= 0 {
            return try readElements(root: elementRoot, depth: depth)
        }
        let byte = try scanner.peek()
        if flattener.trie.hasChildren[index], byte == UInt8(ascii: "{") {
            return try readObject(node: index, intoRow: intoRow, depth: depth)
        }
        let slots = flattener.trie.slotStart[index]..<flattener.trie.slotStart[index + 1]
        if slots.isEmpty, !flattener.trie.hasChildren[index] {
            // A custom field's label whose column this query does not read: known, so not counted.
            return try scanner.skipUnreadValue()
        }
        if slots.isEmpty {
            // An object was expected: null means "none"; anything else is unexpected nesting.
            if byte != UInt8(ascii: "n") { failures += 1 }
            return try scanner.skipValue(depth: depth)
        }
        // Several columns may read one key (each with its own type): re-read it for each.
        let start = scanner.index
        for slotIndex in slots {
            let slot = flattener.trie.slotPool[slotIndex]
            scanner.rewind(to: start)
            let value = try readScalar(
                as: flattener.slotTypes[slot], rule: flattener.customRules[slot], depth: depth,
                countsFailure: slot < flattener.columnSlotCount)
            if intoRow { elementRows[elementRows.count - 1][slot] = value } else { recordValues[slot] = value }
        }
    }

    /// A child table's array: one row per object element.
    private mutating func readElements(root: Int, depth: Int) throws(JSONError) {
        let byte = try scanner.peek()
        guard byte == UInt8(ascii: "[") else {
            if byte != UInt8(ascii: "n") { failures += 1 }
            return try scanner.skipValue(depth: depth)
        }
        try scanner.enterArray()
        var isFirst = true
        while try scanner.arrayHasNextElement(isFirst: &isFirst) {
            guard try scanner.peek() == UInt8(ascii: "{") else {
                failures += 1
                try scanner.skipValue(depth: depth + 1)
                continue
            }
            elementRows.append(Array(repeating: .null, count: flattener.layout.width))
            try readObject(node: root, intoRow: true, depth: depth + 1)
        }
    }

    /// Reads the value at `peek()` as a cell of `type` (by a custom field's `rule` when it has
    /// one); NULL (and a counted failure) when it cannot be.
    private mutating func readScalar(
        as type: SQLType, rule: CustomFieldRule?, depth: Int, countsFailure: Bool
    ) throws(JSONError) -> Value {
        let coerced: Value?
        switch try scanner.peek() {
        case UInt8(ascii: "\""):
            let slice = try scanner.scanString()
            // `bytes` already has the escapes decoded: the text is made from them, not decoded again.
            coerced = scanner.withBytes(of: slice) { bytes in
                if let rule { return rule.value(fromText: String(decoding: bytes, as: UTF8.self)) }
                return ValueCoercion.fromString(bytes, as: type) { String(decoding: bytes, as: UTF8.self) }
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try scanner.readNumber()
            let bytes = scanner.bytes
            let literal = { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[number.start..<number.end]), as: UTF8.self) }
            coerced = rule.map { $0.value(fromNumber: number.value, literal: literal()) }
                ?? ValueCoercion.fromNumber(number.value, isIntegerLiteral: number.isIntegerLiteral, as: type, literalText: literal)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if type == .text {
                coerced = .text(try scanner.readNode(depth: depth).compactText)
            } else {
                try scanner.skipValue(depth: depth)
                coerced = nil
            }
        default:
            switch try scanner.readLiteral() {
            case .bool(let value): coerced = rule.map { $0.value(fromBool: value) } ?? ValueCoercion.fromBool(value, as: type)
            default: coerced = .null
            }
        }
        guard let coerced else {
            if countsFailure { failures += 1 }
            return .null
        }
        return coerced
    }
}
