import Testing
@testable import NectarCatalog

/// Unread objects and arrays are skipped 16 bytes at a time from bit masks of their quotes,
/// backslashes and brackets: the masks must say exactly what the bytes are, and the skip must
/// end where a byte-by-byte reading ends, wherever the blocks happen to fall.
@Suite struct NestedValueSkipTests {
    static func bytewise(_ block: [UInt8]) -> StructuralMasks {
        func mask(_ matches: (UInt8) -> Bool) -> UInt32 {
            block.enumerated().reduce(0) { $0 | (matches($1.element) ? 1 << UInt32($1.offset) : 0) }
        }
        return StructuralMasks(
            quotes: mask { $0 == UInt8(ascii: "\"") }, backslashes: mask { $0 == UInt8(ascii: "\\") },
            opens: mask { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") },
            closes: mask { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") })
    }

    @Test func masksSayExactlyWhichBytesDelimit() {
        var generator = SplitMix64(state: 7)
        // Every byte value, and the delimiters with their neighbours one bit away, often.
        let likely = Array(#""\{}[]"#.utf8) + [0x5A, 0x5C ^ 0x20, 0x7A, 0x7C, 0x7E, 0xFB, 0xDB, 0x02, 0x00, 0xFF]
        for round in 0..<2_000 {
            let block = (0..<StructuralMasks.width).map { _ in
                generator.next() % 2 == 0 ? likely[Int(generator.next() % UInt64(likely.count))] : UInt8(truncatingIfNeeded: generator.next())
            }
            let expected = Self.bytewise(block)
            block.withUnsafeBytes { bytes in
                #expect(StructuralMasks.of(bytes, at: 0) == expected, "round \(round): \(block)")
                #expect(StructuralMasks.portable(bytes, at: 0) == expected, "round \(round): \(block)")
            }
        }
    }

    /// Unread values of every shape, with escapes and brackets inside strings, shifted through
    /// all 16 offsets of a block: the next member is always read.
    @Test func unreadValuesEndWhereTheyEndAtEveryOffset() throws {
        var generator = SplitMix64(state: 11)
        let contatos = Catalog.nectarCRM.table(named: "contatos")!
        let nome = contatos.columnIndex("nome")!
        let flattener = Flattener(table: contatos, reading: [nome])
        for round in 0..<600 {
            let padding = String(repeating: " ", count: round % StructuralMasks.width)
            let unread = ColumnSubsetFlatteningTests.randomValue(depth: 0, &generator)
            let body = #"[{"id": 1,\#(padding)"cliente": {"x": \#(unread), "y": [\#(unread)]}, "nome": "n\#(round)"}]"#
            let page = try flattener.flattenPage(Array(body.utf8))
            #expect(page.rows.map { $0[nome] } == [.text("n\(round)")], "\(body)")
        }
    }

    @Test func anUnreadValueNestedTooDeepIsRefusedWhereItGoesTooDeep() {
        let contatos = Catalog.nectarCRM.table(named: "contatos")!
        let flattener = Flattener(table: contatos, reading: [contatos.columnIndex("nome")!])
        let prefix = #"[{"cliente": "#
        // The limit applies to the unread value's own nesting: 511 levels pass, the 512th does not.
        let ok = prefix + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}]"
        #expect(throws: Never.self) { try flattener.flattenPage(Array(ok.utf8)) }
        let deep = prefix + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}]"
        #expect(throws: JSONError(.tooDeep(limit: JSONScanner.maximumDepth), at: prefix.utf8.count + 511)) {
            try flattener.flattenPage(Array(deep.utf8))
        }
    }
}
