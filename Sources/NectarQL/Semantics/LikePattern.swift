import NectarCatalog
import NectarSyntax

/// SQL `like`: `%` any run of characters, `_` exactly one; matching works on characters
/// (so an accented letter is one `_`), in linear time for the common shapes.
package struct LikePattern: Sendable {
    private enum Piece: Equatable {
        case literal(Character)
        case any
        case anyRun
    }

    private let pieces: [Piece]
    private let caseInsensitive: Bool

    package init(_ pattern: String, caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
        let text = caseInsensitive ? pattern.lowercased() : pattern
        var pieces: [Piece] = []
        for character in text {
            switch character {
            case "%": if pieces.last != .anyRun { pieces.append(.anyRun) }
            case "_": pieces.append(.any)
            default: pieces.append(.literal(character))
            }
        }
        self.pieces = pieces
    }

    /// The literal prefix before the first wildcard, and whether the whole pattern is `prefix%`.
    package static func prefix(of pattern: String) -> (prefix: String, isPrefixPattern: Bool) {
        let prefix = String(pattern.prefix { $0 != "%" && $0 != "_" })
        let rest = pattern.dropFirst(prefix.count)
        return (prefix, !rest.isEmpty && rest.allSatisfy { $0 == "%" })
    }

    package func matches(_ candidate: String) -> Bool {
        let text = Array(caseInsensitive ? candidate.lowercased() : candidate)
        // Greedy matching with one backtrack point per `%`: linear for patterns without `_` after `%`.
        var t = 0, p = 0
        var starPiece = -1, starText = 0
        while t < text.count {
            if p < pieces.count {
                switch pieces[p] {
                case .anyRun:
                    starPiece = p
                    starText = t
                    p += 1
                    continue
                case .any:
                    t += 1
                    p += 1
                    continue
                case .literal(let c) where c == text[t]:
                    t += 1
                    p += 1
                    continue
                default: break
                }
            }
            guard starPiece >= 0 else { return false }
            p = starPiece + 1
            starText += 1
            t = starText
        }
        while p < pieces.count, pieces[p] == .anyRun { p += 1 }
        return p == pieces.count
    }
}
