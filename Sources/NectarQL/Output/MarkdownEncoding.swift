import NectarCatalog

/// A GitHub-flavoured pipe table (cells are not padded, so rows need not be held).
/// `|` in a value becomes `\|` and a line break `<br>`, so each row stays one table row;
/// number columns are right-aligned (`---:`). NULL is an empty cell.
struct MarkdownEncoding: RowEncoding {
    let converter: LocalTimeConverter

    func prologue(columns: [ResultColumn], headers: Bool, atStartOfOutput: Bool) -> [UInt8] {
        guard headers else { return [] }
        var out: [UInt8] = []
        append(columns.map { .text($0.name) }, to: &out)
        out.append(UInt8(ascii: "|"))
        for column in columns {
            out.append(contentsOf: (column.type == .float ? " ---: |" : " --- |").utf8)
        }
        out.append(0x0A)
        return out
    }

    func append(_ row: [Value], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "|"))
        for value in row {
            out.append(UInt8(ascii: " "))
            if case .text(let string) = value {
                appendEscaped(string, to: &out)
            } else {
                ValueFormatter.appendPlain(value, in: converter, decimalSeparator: UInt8(ascii: "."), to: &out)
            }
            out.append(contentsOf: " |".utf8)
        }
        out.append(0x0A)
    }

    /// CRLF counts as one line break, not two.
    private func appendEscaped(_ string: String, to out: inout [UInt8]) {
        var previousWasCR = false
        for byte in string.utf8 {
            defer { previousWasCR = byte == 0x0D }
            switch byte {
            case UInt8(ascii: "|"): out.append(contentsOf: #"\|"#.utf8)
            case 0x0D: out.append(contentsOf: "<br>".utf8)
            case 0x0A where previousWasCR: break
            case 0x0A: out.append(contentsOf: "<br>".utf8)
            default: out.append(byte)
            }
        }
    }
}
