/// Ages and periods as an analyst types them: `90s`, `10m`, `24h`, `7d` (a bare number is seconds).
enum DurationText {
    static let usage = "a number with s, m, h or d (90s, 10m, 24h, 7d)"

    static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var digits = Substring(trimmed)
        var unit: Int64 = 1
        if let last = trimmed.last, let multiplier = units[last] {
            digits = trimmed.dropLast()
            unit = multiplier
        }
        guard let value = Int64(digits), value >= 0, value <= Int64.max / unit / 2 else { return nil }
        return .seconds(value * unit)
    }

    /// `600` seconds → `10m`, for messages.
    static func text(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60)] where seconds >= size && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
