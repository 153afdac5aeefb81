/// A table's rowids, lowest to highest, cut into consecutive ranges of about `span` rowids each,
/// and never more than `maximumCount` of them: rowids another program wrote may be spread over
/// the whole 64-bit range, and the number of ranges must follow the work, not the spread. The
/// arithmetic is on offsets from the lowest rowid, so no range end overflows.
struct RowidRanges {
    /// Ranges at most, however far apart the rowids are.
    static let maximumCount = 4096

    private let lowest: Int64
    /// Rowids in all, less one.
    private let spread: UInt64
    /// Rowids per range (the last may hold fewer).
    private let step: UInt64
    let count: Int

    init(lowest: Int64, highest: Int64, span: Int) {
        self.lowest = lowest
        spread = UInt64(bitPattern: highest &- lowest)
        let wanted = spread / UInt64(max(1, span)) + 1
        let ranges = min(wanted, UInt64(Self.maximumCount))
        step = spread / ranges + 1
        count = Int(spread / step) + 1
    }

    /// The `index`th range, both ends included.
    subscript(index: Int) -> ClosedRange<Int64> {
        let first = UInt64(index) * step
        let last = step - 1 > spread - first ? spread : first + (step - 1)
        return Int64(bitPattern: UInt64(bitPattern: lowest) &+ first)...Int64(bitPattern: UInt64(bitPattern: lowest) &+ last)
    }
}
