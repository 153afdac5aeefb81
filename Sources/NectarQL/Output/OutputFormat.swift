/// The shapes a result can be written in; the raw value is the name the shell's `.mode` takes.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// psql-like aligned columns for a person at a terminal (buffers the whole result).
    case table
    /// RFC 4180 comma-separated values (or the pt-BR spreadsheet dialect with `excel`).
    case csv
    /// Tab-separated values; tab, newline, carriage return and backslash escaped as `\t` `\n` `\r` `\\`.
    case tsv
    /// One JSON array of objects, streamed.
    case json
    /// One JSON object per line.
    case jsonl
    /// A GitHub-flavoured pipe table.
    case markdown
    /// sqlite3's line mode: `column = value`, a blank line between rows.
    case line
    /// An Excel workbook (libxlsxwriter): typed cells, one sheet per statement; written to a file.
    case xlsx
    /// A horizontal bar chart for a terminal: one bar per row, sized by its last numeric column.
    case bar

    /// Table and bar hold the rows and print only when the result ends; the others stream.
    public var writesOnlyAtEnd: Bool { self == .table || self == .bar }
}
