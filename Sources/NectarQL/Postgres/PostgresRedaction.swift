import Foundation

/// Masks the password of every PostgreSQL URL in a text (`postgres://user:secret@host` →
/// `postgres://user:***@host`), for text the program did not build itself: a history line, an
/// error that quotes its input.
package enum PostgresRedaction {
    package static func mask(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = nextURL(in: rest) {
            result += rest[..<start]
            rest = rest[start...]
            // The authority runs from the scheme's "://" to the first '/', '?' or '#', or to blank space.
            let schemeEnd = rest.range(of: "://")!.upperBound
            let end = rest[schemeEnd...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" || $0.isWhitespace }
                ?? rest.endIndex
            let authority = rest[schemeEnd..<end]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                result += rest[..<authority.index(after: colon)] + "***" + rest[at..<end]
            } else {
                result += rest[..<end]
            }
            rest = rest[end...]
        }
        return result + rest
    }

    private static func nextURL(in text: Substring) -> Substring.Index? {
        PostgresURL.schemes.compactMap { text.range(of: $0 + "://", options: .caseInsensitive)?.lowerBound }.min()
    }
}
