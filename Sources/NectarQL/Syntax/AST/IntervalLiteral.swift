/// `interval '1 year 2 months'`: counts of calendar units, kept as written (in order) so the
/// printer writes back what the analyst typed.
package struct IntervalLiteral: Sendable, Hashable {
    package struct Part: Sendable, Hashable {
        package let count: Int
        package let unit: IntervalUnit

        package init(_ count: Int, _ unit: IntervalUnit) {
            self.count = count
            self.unit = unit
        }
    }

    package let parts: [Part]

    package init(_ parts: [Part]) { self.parts = parts }

    /// `3 days 2 hours`, the text between the quotes; a count of one takes the singular.
    package var text: String {
        parts.map { "\($0.count) \($0.unit.rawValue)\(Swift.abs($0.count) == 1 ? "" : "s")" }.joined(separator: " ")
    }

    /// Reads `'30 days'`, `'1 day'`, `'2 hours 30 minutes'`, `'-1 month'`; nil with the reason when it cannot.
    package static func parse(_ text: String) -> Result<IntervalLiteral, IntervalSyntaxError> {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return .failure(IntervalSyntaxError("an interval needs a count and a unit, e.g. '30 days'")) }
        guard words.count % 2 == 0 else {
            return .failure(IntervalSyntaxError("every count in an interval needs a unit, e.g. '30 days' or '1 hour 30 minutes'"))
        }
        var parts: [Part] = []
        for index in stride(from: 0, to: words.count, by: 2) {
            guard let count = Int(words[index]), Swift.abs(count) <= 1_000_000 else {
                return .failure(IntervalSyntaxError("'\(words[index])' is not a whole number of \(words[index + 1]) (at most 1000000)"))
            }
            guard let unit = IntervalUnit(word: words[index + 1]) else {
                let units = IntervalUnit.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(IntervalSyntaxError("unknown interval unit '\(words[index + 1])'; use one of \(units) (or their plurals)"))
            }
            parts.append(Part(count, unit))
        }
        return .success(IntervalLiteral(parts))
    }
}

package struct IntervalSyntaxError: Error, Sendable {
    package let message: String
    init(_ message: String) { self.message = message }
}

/// The units an interval counts, singular or plural.
package enum IntervalUnit: String, Sendable, Hashable, CaseIterable {
    case millisecond, second, minute, hour, day, week, month, quarter, year

    /// `day` or `days`, any case.
    package init?(word: String) {
        let word = word.lowercased()
        if let unit = IntervalUnit(rawValue: word) {
            self = unit
        } else if word.hasSuffix("s"), let unit = IntervalUnit(rawValue: String(word.dropLast())) {
            self = unit
        } else {
            return nil
        }
    }
}
