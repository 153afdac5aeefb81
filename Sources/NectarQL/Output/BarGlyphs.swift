/// The characters a bar chart is drawn with: Unicode blocks, or plain ASCII for a terminal
/// whose locale is not UTF-8.
struct BarGlyphs {
    /// The zero line between negative and positive bars.
    let zeroLine: String
    /// How many steps one cell is divided into for bars growing right (8 with eighth blocks).
    let stepsPerCell: Int
    /// `partial[n]`: a cell filled `n` steps from the left; `partial[stepsPerCell]` is full.
    let partial: [String]
    /// The same for bars growing left from the zero line (Unicode has only a right half block).
    let negativeStepsPerCell: Int
    let negativePartial: [String]
    /// Ends a label cut to fit.
    let ellipsis: Character

    static let unicode = BarGlyphs(
        zeroLine: "│", stepsPerCell: 8, partial: ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        negativeStepsPerCell: 2, negativePartial: ["", "▐", "█"], ellipsis: "…")

    static let ascii = BarGlyphs(
        zeroLine: "|", stepsPerCell: 1, partial: ["", "#"], negativeStepsPerCell: 1, negativePartial: ["", "#"],
        ellipsis: "~")

    /// A bar `steps` long growing right, padded with spaces to `cells`.
    func positiveBar(steps: Int, cells: Int) -> String {
        let full = steps / stepsPerCell
        let rest = steps % stepsPerCell
        let bar = String(repeating: partial[stepsPerCell], count: full) + partial[rest]
        return bar + String(repeating: " ", count: max(0, cells - full - (rest > 0 ? 1 : 0)))
    }

    /// A bar `steps` long growing left, ending at the right edge of `cells`.
    func negativeBar(steps: Int, cells: Int) -> String {
        let full = steps / negativeStepsPerCell
        let rest = steps % negativeStepsPerCell
        let bar = negativePartial[rest] + String(repeating: negativePartial[negativeStepsPerCell], count: full)
        return String(repeating: " ", count: max(0, cells - full - (rest > 0 ? 1 : 0))) + bar
    }
}
