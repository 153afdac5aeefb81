extension String {
    /// The text between `quote` characters, with each `quote` inside doubled (`it's` → `'it''s'`).
    /// Works on scalars, as the lexer does: a quote followed by a combining mark is still a quote.
    func quoted(with quote: Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView([quote])
        for scalar in unicodeScalars {
            if scalar == quote { result.append(quote) }
            result.append(scalar)
        }
        result.append(quote)
        return String(result)
    }
}
