/// Worksheet names as Excel accepts them: at most 31 characters (counted as Excel does, in
/// UTF-16 units), none of `[ ] : * ? / \`, no apostrophe at either end, not empty, and unique
/// in the workbook ignoring case.
enum SheetName {
    static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    /// Used when nothing usable is left of the proposed name.
    static let fallback = "Sheet"
    /// Reserved by English Excel for its change history.
    static let reserved = "history"

    /// `proposed` with forbidden characters and control characters removed, blanks and
    /// apostrophes trimmed from the ends, cut to 31 characters.
    static func cleaned(_ proposed: String) -> String {
        let kept = proposed.filter { !forbidden.contains($0) && !$0.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) }
        let trimmed = trimmingEnds(cut(String(kept), to: maximumLength))
        return trimmed.isEmpty ? fallback : trimmed
    }

    /// `name`, or `name (2)`, `name (3)`, … (cut so the suffix fits) when that is taken.
    static func unique(_ name: String, among taken: [String]) -> String {
        let takenKeys = Set(taken.map { $0.lowercased() } + [reserved])
        guard takenKeys.contains(name.lowercased()) else { return name }
        var number = 2
        while true {
            let suffix = " (\(number))"
            let candidate = trimmingEnds(cut(name, to: maximumLength - suffix.utf16.count)) + suffix
            if !takenKeys.contains(candidate.lowercased()) { return candidate }
            number += 1
        }
    }

    /// Whole characters from the start, as many as fit in `limit` UTF-16 units.
    private static func cut(_ text: String, to limit: Int) -> String {
        var result = ""
        var length = 0
        for character in text {
            length += character.utf16.count
            if length > limit { break }
            result.append(character)
        }
        return result
    }

    private static func trimmingEnds(_ text: String) -> String {
        var characters = Substring(text)
        while let first = characters.first, first == "'" || first.isWhitespace { characters = characters.dropFirst() }
        while let last = characters.last, last == "'" || last.isWhitespace { characters = characters.dropLast() }
        return String(characters)
    }
}
