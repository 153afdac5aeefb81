/// One NectarQL statement.
public enum Statement: Sendable, Hashable {
    /// `select …`
    case select(SelectStatement)
    /// `explain select …`: show the plan instead of running it.
    case explain(SelectStatement)
    /// `describe <table>`
    case describe(Identifier)
    /// `show tables`
    case showTables
}

/// A statement of a script, with its own text and where it starts in the script, so the
/// shell can echo it and errors in later statements carry the script's line numbers.
public struct ParsedStatement: Sendable, Hashable {
    public let statement: Statement
    /// The statement's text, without the terminating `;` or surrounding blank space.
    public let text: String
    /// Where `text` starts in the script.
    public let location: SourceLocation

    public init(statement: Statement, text: String, location: SourceLocation) {
        self.statement = statement
        self.text = text
        self.location = location
    }
}
