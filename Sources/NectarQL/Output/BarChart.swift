/// What a bar chart shows, ready to lay out: one entry per bar, in the order drawn.
struct BarChart {
    /// The names above the label columns, and above the values; empty / nil without a header.
    var labelHeaders: [String] = []
    var valueHeader: String?
    /// Each bar's label cells (one per label column, each one line of text).
    var labels: [[TableCell]] = []
    /// The number each bar is sized by; nil (NULL, NaN) draws no bar.
    var values: [Double?] = []
    /// The value as printed beside the bar.
    var valueTexts: [String] = []
}
