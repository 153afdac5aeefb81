/// SQL that users of other databases write and NectarQL does not have: met where it starts, it is
/// refused by name with a way around it, instead of a generic "expected …, found …".
enum UnsupportedSQL {
    /// Where a feature shows itself: the words that begin it there, and what to say.
    enum Place {
        case expression, afterSelect, statementStart

        var features: [String: String] {
            switch self {
            case .expression:
                ["select": "subqueries are not supported; run the inner select on its own, or use a join"]
            case .afterSelect:
                [
                    "union": "union is not supported; run each select as its own statement (separated by ';')",
                    "intersect": "intersect is not supported; combine the conditions in one where, or use a join",
                    "except": "except is not supported; use 'not in (…)' with a list of values, or a left join and 'is null'",
                ]
            case .statementStart:
                [
                    "with": "with (common table expressions) is not supported; run the inner select as its own statement",
                    "insert": "NectarQL only reads the account: insert, update and delete are not supported",
                    "update": "NectarQL only reads the account: insert, update and delete are not supported",
                    "delete": "NectarQL only reads the account: insert, update and delete are not supported",
                ]
            }
        }
    }

    /// The refusal for `token` when it begins a feature unsupported at `place`.
    static func refusal(of token: Token, at place: Place) -> QueryError? {
        guard case .word(let word) = token.kind, let message = place.features[word] else { return nil }
        return QueryError(message, at: token.location)
    }

    /// A `(` where a table name belongs: a derived table.
    static func derivedTable(at token: Token) -> QueryError? {
        guard token.isSymbol(.leftParen) else { return nil }
        return QueryError("a subquery in 'from' is not supported; select from the table itself and filter with where", at: token.location)
    }
}
