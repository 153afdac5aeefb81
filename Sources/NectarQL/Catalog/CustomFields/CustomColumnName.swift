import Foundation

/// How a custom field's name becomes a column name: `campo_` + the name lower-cased, accents
/// removed, and every run of other characters turned into one `_` (none at either end), so
/// `Segmento de atuação` → `campo_segmento_de_atuacao`. Names that give the same column get
/// `_2`, `_3`… in definition order.
package enum CustomColumnName {
    package static let prefix = "campo_"

    /// The name's slug: `[a-z0-9]` words joined by `_`; empty when the name has no letter or digit.
    package static func slug(_ name: String) -> String {
        var out = ""
        var pendingSeparator = false
        // Canonical decomposition turns `ç` into `c` + a combining cedilla, which is then dropped.
        for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let isWordCharacter = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            guard isWordCharacter else {
                pendingSeparator = true
                continue
            }
            if pendingSeparator, !out.isEmpty { out += "_" }
            pendingSeparator = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Column names for `names`, in order, unique among themselves and against `taken`. A name
    /// with no letter or digit (only emoji, say) is named after its `fallbacks` entry (the
    /// field's id), or `sem_nome`.
    package static func allocate(_ names: [String], fallbacks: [String], taken: Set<String>) -> [String] {
        var used = taken
        return zip(names, fallbacks).map { name, fallback in
            let words = [slug(name), slug(fallback)].first { !$0.isEmpty } ?? "sem_nome"
            let base = prefix + words
            var candidate = base
            var counter = 2
            while used.contains(candidate) {
                candidate = "\(base)_\(counter)"
                counter += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
