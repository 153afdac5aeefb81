/// Chooses column widths so a table line fits the terminal: the widest columns shrink first,
/// down to a small floor, by lowering one common cap ("water level") until everything fits.
/// A line that cannot fit even then is left whole, as psql leaves it: cutting every text to a
/// few characters would lose the values and still not fit.
enum ColumnFitter {
    /// Narrower than this and a truncated value says nothing (`ab…` is the least useful text).
    static let minimumWidth = 4

    /// - Parameters:
    ///   - natural: each column's widest cell (header included).
    ///   - budget: cells available for column contents, separators already taken off.
    ///   - keepWhole: columns never shrunk (numbers and times: `100…` reads as a different value).
    static func fit(natural: [Int], budget: Int, keepWhole: [Bool]) -> [Int] {
        let shrinkable = natural.indices.filter { !keepWhole[$0] }
        let kept = natural.indices.filter { keepWhole[$0] }.reduce(0) { $0 + natural[$1] }
        let floors = shrinkable.reduce(0) { $0 + min(natural[$1], minimumWidth) }
        guard kept + floors <= budget else { return natural }
        let fitted = fit(natural: shrinkable.map { natural[$0] }, budget: max(0, budget - kept))
        var widths = natural
        for (position, index) in shrinkable.enumerated() { widths[index] = fitted[position] }
        return widths
    }

    static func fit(natural: [Int], budget: Int) -> [Int] {
        guard natural.reduce(0, +) > budget else { return natural }
        let floors = natural.map { min($0, minimumWidth) }
        guard floors.reduce(0, +) <= budget else { return natural }
        func total(cap: Int) -> Int {
            zip(natural, floors).reduce(0) { $0 + max($1.1, min($1.0, cap)) }
        }
        var low = 0, high = natural.max() ?? 0  // total(low) ≤ budget < total(high)
        while high - low > 1 {
            let middle = (low + high) / 2
            if total(cap: middle) <= budget { low = middle } else { high = middle }
        }
        var widths = zip(natural, floors).map { max($0.1, min($0.0, low)) }
        var spare = budget - widths.reduce(0, +)
        for index in widths.indices where spare > 0 && natural[index] > low {
            widths[index] += 1
            spare -= 1
        }
        return widths
    }
}
