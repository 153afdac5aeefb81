import Foundation
import NectarCatalog

/// How a result is written: the format and the session settings that shape its text.
public struct OutputOptions: Sendable {
    public var format: OutputFormat
    /// Write the header row (table, csv, tsv, markdown, xlsx, bar; json, jsonl and line name every value).
    public var headers = true
    /// The session time zone timestamps are shown in.
    public var timeZone: TimeZone
    /// CSV for a pt-BR spreadsheet: `;`, decimal comma, UTF-8 BOM, CRLF, formula guard on text.
    public var excel = false
    /// Bar charts drawn with `#` and `|` instead of Unicode blocks (`--ascii`, or a non-UTF-8 locale).
    public var ascii = false
    /// Table mode shrinks its widest columns, and a bar chart its labels and bars, so each line
    /// fits this many terminal cells.
    public var terminalWidth: Int? = nil
    /// The output is a terminal: table and line modes show NULL dimmed, so it stands apart from
    /// the text `'NULL'`. Elsewhere NULL is the plain word, never an escape sequence.
    public var terminalStyles = false
    /// Table mode holds every row to size its columns; past this many rows it fails with advice
    /// instead of exhausting memory. `nil` means no limit.
    public var maxRowsBuffered: Int? = 1_000_000

    /// The zone a Brazilian sales team works in, used when the session does not choose one.
    public static let defaultTimeZone: TimeZone = SessionTimeZone.standard

    public init(format: OutputFormat, timeZone: TimeZone = OutputOptions.defaultTimeZone) {
        self.format = format
        self.timeZone = timeZone
    }
}
