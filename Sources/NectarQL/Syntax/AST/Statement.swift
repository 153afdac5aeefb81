/// One NectarQL statement.
package enum Statement: Sendable, Hashable {
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
package struct ParsedStatement: Sendable, Hashable {
    package let statement: Statement
    /// The statement's text, without the terminating `;` or surrounding blank space.
    package let text: String
    /// Where `text` starts in the script.
    package let location: SourceLocation

    package init(statement: Statement, text: String, location: SourceLocation) {
        self.statement = statement
        self.text = text
        self.location = location
    }
}
