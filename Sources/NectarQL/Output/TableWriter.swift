import NectarCatalog

/// psql-like aligned columns for a person at a terminal:
///
///      id | nome
///     ----+-------
///       1 | Ana
///     (1 row)
///
/// Numbers are right-aligned, NULL shows as `NULL` (dimmed on a terminal), widths count terminal cells (accents,
/// emoji, CJK). Every row is held to size the columns and nothing is written until `finish`,
/// so a statement that fails midway prints nothing.
final class TableWriter: ResultWriter {
    private let options: OutputOptions
    private let converter: LocalTimeConverter
    private let sink: OutputSink
    private var header: [TableCell] = []
    private var rightAligned: [Bool] = []
    /// Numbers, booleans and times: shown whole even when the table is wider than the terminal.
    private var keepWhole: [Bool] = []
    private var rows: [[TableCell]] = []
    private var naturalWidths: [Int] = []

    init(options: OutputOptions, converter: LocalTimeConverter, sink: OutputSink) {
        self.options = options
        self.converter = converter
        self.sink = sink
    }

    func begin(columns: [ResultColumn]) throws {
        header = columns.map { TableCell(text: TableCell.singleLine($0.name)) }
        rightAligned = columns.map { $0.type == .float }
        keepWhole = columns.map { $0.type != .text }
        naturalWidths = options.headers ? header.map(\.width) : Array(repeating: 0, count: columns.count)
        rows = []
    }

    func write(batch: [[Value]]) throws {
        try checkRowWidths(batch, columnCount: header.count)
        if let limit = options.maxRowsBuffered, rows.count + batch.count > limit {
            throw OutputError.tooManyRowsForTable(limit: limit)
        }
        for values in batch {
            let row = values.map { TableCell(value: $0, converter: converter) }
            for (index, cell) in row.enumerated() where cell.width > naturalWidths[index] {
                naturalWidths[index] = cell.width
            }
            rows.append(row)
        }
    }

    func finish() throws {
        let widths = fittedWidths()
        var out: [UInt8] = []
        if options.headers && !header.isEmpty {
            appendLine(header, widths: widths, to: &out)
            appendRule(widths, to: &out)
        }
        for row in rows { appendLine(row, widths: widths, to: &out) }
        out.append(contentsOf: (rows.count == 1 ? "(1 row)\n" : "(\(rows.count) rows)\n").utf8)
        rows = []
        try sink.write(out)
        try sink.flush()
    }

    /// A line is ` a | b | c`: one leading space, ` | ` between columns, and one spare cell at
    /// the end so a full-width line never makes the terminal wrap.
    private func fittedWidths() -> [Int] {
        guard let terminalWidth = options.terminalWidth, !naturalWidths.isEmpty else { return naturalWidths }
        let separators = 3 * (naturalWidths.count - 1) + 2
        return ColumnFitter.fit(natural: naturalWidths, budget: terminalWidth - separators, keepWhole: keepWhole)
    }

    private func appendLine(_ cells: [TableCell], widths: [Int], to out: inout [UInt8]) {
        var line = " "
        for (index, cell) in cells.enumerated() {
            if index > 0 { line += " | " }
            let shown = cell.truncated(to: widths[index])
            let padding = String(repeating: " ", count: widths[index] - shown.width)
            let isLast = index == cells.count - 1
            let text = shown.shown(styled: options.terminalStyles)
            if rightAligned[index] {
                line += padding + text
            } else {
                line += text + (isLast ? "" : padding)  // no trailing blanks to wrap or copy
            }
        }
        out.append(contentsOf: line.utf8)
        out.append(0x0A)
    }

    private func appendRule(_ widths: [Int], to out: inout [UInt8]) {
        let rule = widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+")
        out.append(contentsOf: rule.utf8)
        out.append(0x0A)
    }
}
