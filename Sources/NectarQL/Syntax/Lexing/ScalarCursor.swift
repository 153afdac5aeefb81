/// Walks an array of Unicode scalars once, keeping the UTF-8 offset, line and column of the
/// current position up to date, so every step is O(1) and the whole text is read in linear time.
struct ScalarCursor {
    let scalars: [Unicode.Scalar]
    private(set) var index = 0
    private(set) var location: SourceLocation

    init(_ text: String, startingAt start: SourceLocation = .start) {
        scalars = Array(text.unicodeScalars)
        location = start
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    func peek(_ distance: Int = 1) -> Unicode.Scalar? {
        let target = index + distance
        return target < scalars.count ? scalars[target] : nil
    }

    mutating func advance() {
        guard index < scalars.count else { return }
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" {
            location = SourceLocation(offset: location.offset + 1, line: location.line + 1, column: 1)
        } else {
            location = SourceLocation(offset: location.offset + scalar.utf8.count, line: location.line, column: location.column + 1)
        }
    }

    /// Consumes `scalar` if it is next.
    mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        advance()
        return true
    }

    /// Skips a `--` comment up to, not including, its line break.
    mutating func skipLineComment() {
        while let scalar = current, scalar != "\n" { advance() }
    }

    /// Skips the `/* … */` comment that starts here; false when it is never closed (the cursor
    /// is then at the end of the text).
    mutating func skipBlockComment() -> Bool {
        advance()
        advance()
        while let scalar = current {
            if scalar == "*", peek() == "/" {
                advance()
                advance()
                return true
            }
            advance()
        }
        return false
    }

    func text(from start: Int, to end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
