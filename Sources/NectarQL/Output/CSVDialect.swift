/// The knobs that separate RFC 4180 CSV from the CSV a pt-BR spreadsheet opens correctly.
struct CSVDialect {
    let separator: UInt8
    let decimalSeparator: UInt8
    let lineEnding: [UInt8]
    /// Excel only detects UTF-8 (accents!) when the file starts with a byte order mark.
    let startsWithByteOrderMark: Bool
    /// Prefix text a spreadsheet could run as a formula with `'` (see `startsFormula`).
    let guardsFormulas: Bool

    static let rfc4180 = CSVDialect(
        separator: UInt8(ascii: ","), decimalSeparator: UInt8(ascii: "."), lineEnding: [0x0A],
        startsWithByteOrderMark: false, guardsFormulas: false)

    /// pt-BR Excel/LibreOffice: `;` because `,` is the decimal separator there.
    static let brazilianSpreadsheet = CSVDialect(
        separator: UInt8(ascii: ";"), decimalSeparator: UInt8(ascii: ","), lineEnding: [0x0D, 0x0A],
        startsWithByteOrderMark: true, guardsFormulas: true)

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// OWASP's CSV-injection list: `=`, `+`, `-`, `@`, tab and carriage return (a spreadsheet
    /// drops the last two and reads what follows as a formula).
    static let formulaStarters: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// Whether a spreadsheet could take the text for a formula: its first character after any
    /// leading spaces (which spreadsheets skip) is one of `formulaStarters`.
    static func startsFormula(_ text: String.UTF8View) -> Bool {
        guard let first = text.first(where: { $0 != UInt8(ascii: " ") }) else { return false }
        return formulaStarters.contains(first)
    }
}
