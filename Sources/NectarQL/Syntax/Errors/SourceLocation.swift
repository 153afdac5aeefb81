/// A place in the text given to the lexer (a statement or a whole script).
///
/// - `offset`: UTF-8 byte offset from the start of that text (O(1) to slice with `text.utf8`).
/// - `line`: 1-based line number (`\n` ends a line).
/// - `column`: 1-based, counted in Unicode scalars of that line (the same as characters for
///   the precomposed text people type; a tab counts as one).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let offset: Int
    public let line: Int
    public let column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The start of a text.
    public static let start = SourceLocation(offset: 0, line: 1, column: 1)

    /// `line:column`, the form used in error messages.
    public var description: String { "\(line):\(column)" }
}
