/// Result column names are unique, so JSON keys never repeat (a parser would silently keep only
/// one) and CSV headers can be told apart. A repeated name that comes from a qualified column or a
/// `*` takes its table's alias (`o.id`, `c.id`); a name still repeated after that gets `_2`, `_3`…
/// in select-list order, the first keeping its name. Names compare without regard to case, as
/// spreadsheets and most JSON-to-table tools do.
enum OutputNames {
    struct Candidate {
        let name: String
        /// The table or alias a column reference was written with, or its table for `*`; nil for an
        /// explicit alias or an expression.
        let qualifier: String?
    }

    static func unique(_ candidates: [Candidate]) -> [String] {
        let repeated = repeatedNames(candidates.map(\.name))
        let qualified = candidates.map { candidate in
            guard let qualifier = candidate.qualifier, repeated.contains(candidate.name.lowercased()) else { return candidate.name }
            return "\(qualifier).\(candidate.name)"
        }
        return numberingRepeats(qualified)
    }

    private static func repeatedNames(_ names: [String]) -> Set<String> {
        var seen: Set<String> = []
        var repeated: Set<String> = []
        for name in names where !seen.insert(name.lowercased()).inserted { repeated.insert(name.lowercased()) }
        return repeated
    }

    private static func numberingRepeats(_ names: [String]) -> [String] {
        var taken = Set(names.map { $0.lowercased() })
        var seen: Set<String> = []
        return names.map { name in
            guard !seen.insert(name.lowercased()).inserted else { return name }
            var suffix = 2
            while taken.contains("\(name)_\(suffix)".lowercased()) { suffix += 1 }
            let renamed = "\(name)_\(suffix)"
            taken.insert(renamed.lowercased())
            return renamed
        }
    }
}
