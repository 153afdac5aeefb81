import NectarCatalog

/// `--format bar`: a horizontal bar chart of a result, one bar per row, sized by its last
/// numeric column and labelled by its text columns (by its other columns when it has no text).
///
/// When the first column is a timestamp and the others are numbers, the result is a time
/// series: one bar per period, in time order, labelled as precisely as the periods need
/// (`2024`, `2024-03`, `2024-03-05`). At most `barLimit` bars are drawn, then a note says
/// how many rows there were; only those rows are held, however long the result.
final class BarChartWriter: ResultWriter {
    static let barLimit = 40
    /// The width used when the output is not a terminal.
    static let defaultWidth = 80

    private let options: OutputOptions
    private let converter: LocalTimeConverter
    private let sink: OutputSink
    private var columns: [ResultColumn] = []
    private var measure = 0
    private var labelColumns: [Int] = []
    private var isTimeSeries = false
    private var kept: [[Value]] = []
    private var rowCount = 0

    init(options: OutputOptions, converter: LocalTimeConverter, sink: OutputSink) {
        self.options = options
        self.converter = converter
        self.sink = sink
    }

    func begin(columns: [ResultColumn]) throws {
        guard let measure = columns.lastIndex(where: { $0.type == .float }) else { throw OutputError.nothingToChart }
        self.columns = columns
        self.measure = measure
        isTimeSeries = columns.count > 1 && columns[0].type == .timestamp && columns.dropFirst().allSatisfy { $0.type == .float }
        if isTimeSeries {
            labelColumns = [0]
        } else {
            let described = columns.indices.filter { columns[$0].type != .float }
            labelColumns = described.isEmpty ? columns.indices.filter { $0 != measure } : described
        }
    }

    func write(batch: [[Value]]) throws {
        try checkRowWidths(batch, columnCount: columns.count)
        for row in batch {
            rowCount += 1
            if isTimeSeries {
                keepEarliest(row)
            } else if kept.count < Self.barLimit {
                kept.append(row)
            }
        }
    }

    func finish() throws {
        guard !kept.isEmpty else {
            try sink.write("(0 rows)\n")
            return
        }
        let glyphs = options.ascii ? BarGlyphs.ascii : BarGlyphs.unicode
        let layout = BarChartLayout(width: options.terminalWidth ?? Self.defaultWidth, glyphs: glyphs)
        var text = layout.lines(chart()).joined(separator: "\n") + "\n"
        if rowCount > kept.count {
            text += "(the first \(kept.count) of \(rowCount) \(isTimeSeries ? "periods" : "rows"); a chart shows at most \(Self.barLimit) bars)\n"
        }
        try sink.write(text)
        try sink.flush()
    }

    /// Keeps the `barLimit` earliest periods, in time order (NULL last, ties in arrival order).
    private func keepEarliest(_ row: [Value]) {
        let key = Self.timeKey(row[0])
        let position = kept.firstIndex { Self.timeKey($0[0]) > key } ?? kept.endIndex
        guard position < Self.barLimit else { return }
        kept.insert(row, at: position)
        if kept.count > Self.barLimit { kept.removeLast() }
    }

    private static func timeKey(_ value: Value) -> Int64 {
        if case .timestamp(let millis) = value { return millis }
        return .max
    }

    private func chart() -> BarChart {
        var chart = BarChart()
        if options.headers {
            chart.labelHeaders = labelColumns.map { columns[$0].name }
            chart.valueHeader = columns[measure].name
        }
        let periods = isTimeSeries ? PeriodLabels(kept.map { $0[0] }, converter: converter) : nil
        for row in kept {
            if let periods {
                chart.labels.append([TableCell(text: periods.label(row[0]))])
            } else {
                chart.labels.append(labelColumns.map { TableCell(value: row[$0], converter: converter) })
            }
            let value = row[measure]
            if case .float(let number) = value, number.isFinite {
                chart.values.append(number)
            } else {
                chart.values.append(nil)
            }
            chart.valueTexts.append(ValueFormatter.text(value, in: converter) ?? "")
        }
        return chart
    }
}
