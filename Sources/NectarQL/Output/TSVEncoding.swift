import NectarCatalog

/// Tab-separated values. A value's tab, LF, CR and backslash are written `\t`, `\n`,
/// `\r` and `\\` so every record stays one line with a fixed field count; NULL and the empty
/// string are both an empty field.
struct TSVEncoding: RowEncoding {
    let converter: LocalTimeConverter

    func prologue(columns: [ResultColumn], headers: Bool, atStartOfOutput: Bool) -> [UInt8] {
        var out: [UInt8] = []
        if headers { append(columns.map { .text($0.name) }, to: &out) }
        return out
    }

    func append(_ row: [Value], to out: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { out.append(0x09) }
            if case .text(let string) = value {
                appendEscaped(string, to: &out)
            } else {
                ValueFormatter.appendPlain(value, in: converter, decimalSeparator: UInt8(ascii: "."), to: &out)
            }
        }
        out.append(0x0A)
    }

    private func appendEscaped(_ string: String, to out: inout [UInt8]) {
        for byte in string.utf8 {
            switch byte {
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            default: out.append(byte)
            }
        }
    }
}
