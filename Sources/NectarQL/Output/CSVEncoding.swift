import NectarCatalog

/// RFC 4180 CSV (or its pt-BR spreadsheet dialect), one record per row.
///
/// NULL is an empty field and the empty string is `""`, so the two stay distinguishable.
/// Text is written byte for byte (only quoted when it must be); the spreadsheet dialect's
/// formula guard is the one deliberate exception.
struct CSVEncoding: RowEncoding {
    let dialect: CSVDialect
    let converter: LocalTimeConverter

    func prologue(columns: [ResultColumn], headers: Bool, atStartOfOutput: Bool) -> [UInt8] {
        // A second statement sent to the same file must not put a byte order mark mid-file.
        var out: [UInt8] = dialect.startsWithByteOrderMark && atStartOfOutput ? CSVDialect.byteOrderMark : []
        if headers { append(columns.map { .text($0.name) }, to: &out) }
        return out
    }

    func append(_ row: [Value], to out: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { out.append(dialect.separator) }
            appendField(value, to: &out)
        }
        out.append(contentsOf: dialect.lineEnding)
    }

    private func appendField(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .null:
            break
        case .text(let string):
            appendText(string, to: &out)
        default:
            // Numbers, booleans and timestamps never contain a quote or line break, but the
            // decimal comma meets a `,` separator nowhere and `;` never appears in them.
            ValueFormatter.appendPlain(value, in: converter, decimalSeparator: dialect.decimalSeparator, to: &out)
        }
    }

    /// Scans the UTF-8 view in place: no copy of the text unless it must be quoted.
    private func appendText(_ string: String, to out: inout [UInt8]) {
        let utf8 = string.utf8
        let guarded = dialect.guardsFormulas && CSVDialect.startsFormula(utf8)
        let quoted = (utf8.isEmpty && !guarded) || utf8.contains(where: needsQuoting)
        if quoted { out.append(UInt8(ascii: "\"")) }
        if guarded { out.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: utf8)
        }
    }

    private func needsQuoting(_ byte: UInt8) -> Bool {
        byte == dialect.separator || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }
}
