import NectarCatalog

/// A value as table mode shows it: one line of text and the cells it takes on a terminal.
struct TableCell {
    let text: String
    let width: Int
    /// NULL, drawn dimmed on a terminal.
    let isNull: Bool

    init(text: String) {
        self.init(text: text, width: DisplayWidth.of(text))
    }

    private init(text: String, width: Int, isNull: Bool = false) {
        self.text = text
        self.width = width
        self.isNull = isNull
    }

    /// NULL shows as `NULL` (as in DuckDB), so it differs from an empty text; line breaks
    /// become `↵` so a row stays one line.
    init(value: Value, converter: LocalTimeConverter) {
        switch value {
        case .null: self.init(text: NullMarker.text, width: NullMarker.text.count, isNull: true)
        case .text(let string): self.init(text: Self.singleLine(string))
        default: self.init(text: ValueFormatter.text(value, in: converter) ?? "")
        }
    }

    /// The text to print: NULL wrapped in the terminal's dim style when `styled`.
    func shown(styled: Bool) -> String {
        isNull && styled ? NullMarker.dimmed(text) : text
    }

    /// The cell cut to `limit` terminal cells, ending in `marker` when something was cut off.
    func truncated(to limit: Int, marker: Character = "…") -> TableCell {
        guard width > limit else { return self }
        guard limit > 0 else { return TableCell(text: "", width: 0, isNull: isNull) }
        var kept = ""
        var keptWidth = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if keptWidth + characterWidth > limit - 1 { break }
            kept.append(character)
            keptWidth += characterWidth
        }
        return TableCell(text: kept + String(marker), width: keptWidth + 1, isNull: isNull)
    }

    /// Line breaks (LF, CR, CRLF) as `↵`, tabs as a space, other control characters as `�`
    /// so they can neither break the layout nor drive the terminal.
    static func singleLine(_ string: String) -> String {
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return string }
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for character in string {
            switch character {
            case "\n", "\r", "\r\n": result.append("↵")
            case "\t": result.append(" ")
            default:
                if let ascii = character.asciiValue, ascii < 0x20 || ascii == 0x7F {
                    result.append("\u{FFFD}")
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
