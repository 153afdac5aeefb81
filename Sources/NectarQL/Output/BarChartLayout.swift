/// Lays a bar chart out in a terminal `width` cells wide:
///
///     label columns │ bar (negative ◀ zero line ▶ positive) │ value
///
/// Labels keep their natural width unless the bars would get less than a third of the line;
/// then the widest labels are cut (ending in `…`). Bars share one scale, so lengths compare;
/// the zero line sits where the largest negative bar ends. No line is longer than `width`
/// unless the width is too small for even a minimal chart.
struct BarChartLayout {
    let width: Int
    let glyphs: BarGlyphs

    static let labelSeparator = "  "
    static let minimumBarCells = 10

    func lines(_ chart: BarChart) -> [String] {
        let labelWidths = fittedLabelWidths(chart)
        let valueWidth = valueColumnWidth(chart)
        let barCells = max(2, width - fixedWidth(labelColumns: labelWidths.count, valueWidth: valueWidth) - labelWidths.reduce(0, +))
        let scale = BarScale(values: chart.values, cells: barCells, glyphs: glyphs)
        var lines: [String] = []
        if let valueHeader = chart.valueHeader {
            let labels = labelText(chart.labelHeaders.map { TableCell(text: TableCell.singleLine($0)) }, widths: labelWidths)
            lines.append(labels + String(repeating: " ", count: barCells + 1) + " " + pad(valueHeader, to: valueWidth))
        }
        for (index, value) in chart.values.enumerated() {
            let labels = labelText(chart.labels[index], widths: labelWidths)
            lines.append(labels + scale.bar(value) + " " + pad(chart.valueTexts[index], to: valueWidth))
        }
        return lines.map(trimmingTrailingBlanks)
    }

    /// Everything on a line but the labels and the bar: separators, the zero line, the value.
    private func fixedWidth(labelColumns: Int, valueWidth: Int) -> Int {
        let separators = labelColumns == 0 ? 0 : (labelColumns - 1) * Self.labelSeparator.count + 1
        return separators + 1 + 1 + valueWidth
    }

    /// Natural label widths, cut when the bars would get less than their share of the line.
    private func fittedLabelWidths(_ chart: BarChart) -> [Int] {
        let columnCount = chart.labels.first?.count ?? chart.labelHeaders.count
        var natural = Array(repeating: 0, count: columnCount)
        for row in chart.labels + [chart.labelHeaders.map { TableCell(text: $0) }] {
            for (index, cell) in row.enumerated() where index < columnCount { natural[index] = max(natural[index], cell.width) }
        }
        let valueWidth = valueColumnWidth(chart)
        let minimumBar = max(Self.minimumBarCells, width / 3)
        let budget = width - fixedWidth(labelColumns: columnCount, valueWidth: valueWidth) - minimumBar
        return ColumnFitter.fit(natural: natural, budget: max(0, budget))
    }

    private func valueColumnWidth(_ chart: BarChart) -> Int {
        (chart.valueTexts + [chart.valueHeader ?? ""]).map { DisplayWidth.of($0) }.max() ?? 0
    }

    private func labelText(_ cells: [TableCell], widths: [Int]) -> String {
        guard !widths.isEmpty else { return "" }
        let fitted = widths.indices.map { index in
            let cell = index < cells.count ? cells[index] : TableCell(text: "")
            return pad(cell.truncated(to: widths[index], marker: glyphs.ellipsis), to: widths[index], right: false)
        }
        return fitted.joined(separator: Self.labelSeparator) + " "
    }

    private func pad(_ text: String, to width: Int) -> String {
        pad(TableCell(text: text), to: width, right: true)
    }

    private func pad(_ cell: TableCell, to width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - cell.width))
        return right ? padding + cell.text : cell.text + padding
    }

    private func trimmingTrailingBlanks(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }
}

/// Turns values into bars on one scale: the negative side as wide as the largest negative
/// value needs, the rest for positive values, the zero line between them.
struct BarScale {
    let glyphs: BarGlyphs
    let negativeCells: Int
    let positiveCells: Int
    let largestNegative: Double
    let largestPositive: Double

    init(values: [Double?], cells: Int, glyphs: BarGlyphs) {
        self.glyphs = glyphs
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        largestPositive = max(0, finite.max() ?? 0)
        largestNegative = max(0, -(finite.min() ?? 0))
        let span = largestPositive + largestNegative
        if largestNegative == 0 {
            negativeCells = 0
        } else if largestPositive == 0 {
            negativeCells = cells
        } else {
            negativeCells = min(cells - 1, max(1, Int((Double(cells) * largestNegative / span).rounded())))
        }
        positiveCells = cells - negativeCells
    }

    /// The negative area, the zero line and the positive area, for one value.
    func bar(_ value: Double?) -> String {
        let value = value.flatMap { $0.isFinite ? $0 : nil } ?? 0
        let negative = value < 0
            ? glyphs.negativeBar(steps: steps(-value, of: largestNegative, cells: negativeCells, perCell: glyphs.negativeStepsPerCell), cells: negativeCells)
            : String(repeating: " ", count: negativeCells)
        let positive = value > 0
            ? glyphs.positiveBar(steps: steps(value, of: largestPositive, cells: positiveCells, perCell: glyphs.stepsPerCell), cells: positiveCells)
            : String(repeating: " ", count: positiveCells)
        return negative + glyphs.zeroLine + positive
    }

    /// A non-zero value always gets at least one step, so it never looks like zero.
    private func steps(_ magnitude: Double, of largest: Double, cells: Int, perCell: Int) -> Int {
        let total = cells * perCell
        return min(total, max(1, Int((magnitude / largest * Double(total)).rounded())))
    }
}
