/// What is wrong with a statement itself: syntax errors and binder errors (unknown names,
/// ambiguous references, mismatched types); evaluation never throws (a bad cast is NULL). `location` points into
/// the text the user typed so every layer can show the same caret. Failures outside the statement
/// have their own types: `APIError` (the API), `SnapshotError` (a snapshot), `OutputError`
/// (writing), `MissingTokenError`.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and, where possible, what to do: "expected an expression after 'where', found 'join'".
    public let message: String
    /// Where it is wrong; nil when the problem has no single place (`select *` without a table).
    public let location: SourceLocation?

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    /// `1:38: message`, or just the message when there is no location.
    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }

    /// The message, the offending source line and a caret under the spot:
    /// ```
    /// error: 1:38: expected an expression after 'where', found 'join'
    /// select nome from oportunidades where join contatos on cliente_id
    ///                                      ^
    /// ```
    /// With an `origin` (a file name) the first line becomes `q.nql:1:38: error: message`.
    public func rendered(source: String, origin: String? = nil) -> String {
        let header: String
        switch (origin, location) {
        case let (origin?, location?): header = "\(origin):\(location): error: \(message)"
        case let (origin?, nil): header = "\(origin): error: \(message)"
        case let (nil, location?): header = "error: \(location): \(message)"
        case (nil, nil): header = "error: \(message)"
        }
        guard let location, let line = SourceLines.line(location.line, of: source) else { return header }
        return header + "\n" + line + "\n" + SourceLines.caret(under: location.column, of: line)
    }
}

/// Finds one line of a text and draws a caret under a column of it.
enum SourceLines {
    /// The `number`th line (1-based) without its line terminator, or nil past the end.
    static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var lineStart = source.unicodeScalars.startIndex
        var index = lineStart
        let scalars = source.unicodeScalars
        while index < scalars.endIndex {
            if scalars[index] == "\n" {
                if current == number { return trimmedCarriageReturn(String(scalars[lineStart..<index])) }
                current += 1
                lineStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        return current == number ? trimmedCarriageReturn(String(scalars[lineStart...])) : nil
    }

    /// Spaces up to `column` (tabs kept as tabs, so the caret lines up in a terminal), then `^`.
    static func caret(under column: Int, of line: String) -> String {
        var padding = ""
        for (position, scalar) in line.unicodeScalars.enumerated() where position < column - 1 {
            padding.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        let missing = max(0, column - 1 - line.unicodeScalars.count)
        return padding + String(repeating: " ", count: missing) + "^"
    }

    private static func trimmedCarriageReturn(_ line: String) -> String {
        line.hasSuffix("\r") ? String(line.unicodeScalars.dropLast()) : line
    }
}
