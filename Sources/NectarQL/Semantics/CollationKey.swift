import Foundation

/// Text in the order a Brazilian reads it: letters first by their base letter, ignoring accents
/// and case (`ana, Bruno, Eduardo, Érica, Zé`); then, among texts equal so far, unaccented before
/// accented (`e` before `é`), then lower case before upper case, then by the exact text. The last
/// step makes the order total and deterministic, and makes two texts compare equal only when they
/// are equal (`=` stays exact).
///
/// A key is computed once per value (a sort of 30,000 rows computes 30,000 keys, not one per
/// comparison). The fold is written here, not asked of the platform's locale support, so every
/// machine sorts alike: accented letters of the Latin blocks fold to their base letter through
/// their canonical decomposition, and characters outside them sort by their lower-case code point.
package struct CollationKey: Sendable {
    /// Base letters, 0, accents per letter, 0, case per letter.
    private let weights: [UInt32]
    private let text: String

    package init(_ text: String) {
        self.text = text
        var primary: [UInt32] = []
        var accents: [UInt32] = []
        var cases: [UInt32] = []
        primary.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if LatinFold.isCombiningMark(value) {
                // A separately written accent belongs to the letter before it, as if precomposed.
                if let last = accents.indices.last { accents[last] = accents[last] &* 1024 &+ value }
                continue
            }
            let (base, accent) = LatinFold.table[value] ?? (value, 0)
            let lower = LatinFold.lowercase(base)
            primary.append(lower)
            accents.append(accent)
            cases.append(lower == base ? 0 : 1)
        }
        weights = primary + [0] + accents + [0] + cases
    }

    /// Negative, zero or positive as `self` sorts before, with or after `other`.
    package func compare(_ other: CollationKey) -> Int {
        let count = min(weights.count, other.weights.count)
        var index = 0
        while index < count {
            let (a, b) = (weights[index], other.weights[index])
            if a != b { return a < b ? -1 : 1 }
            index += 1
        }
        if weights.count != other.weights.count { return weights.count < other.weights.count ? -1 : 1 }
        return text == other.text ? 0 : (text < other.text ? -1 : 1)
    }

    /// The collation order of two texts; 0 only when they are equal.
    static func compare(_ a: String, _ b: String) -> Int {
        a == b ? 0 : CollationKey(a).compare(CollationKey(b))
    }
}

/// Folding of accented Latin letters, built once from Unicode's canonical decompositions.
enum LatinFold {
    /// Precomposed letter → (base letter, its accents). Latin-1 Supplement, Latin Extended-A/B and
    /// Latin Extended Additional: every accented letter Portuguese (and its neighbours) write.
    static let table: [UInt32: (base: UInt32, accent: UInt32)] = {
        var table: [UInt32: (base: UInt32, accent: UInt32)] = [:]
        for range in [0xC0...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
                guard parts.count >= 2, !isCombiningMark(parts[0].value) else { continue }
                let accent = parts.dropFirst().reduce(UInt32(0)) { $0 &* 1024 &+ $1.value }
                table[UInt32(value)] = (parts[0].value, accent)
            }
        }
        return table
    }()

    static func isCombiningMark(_ value: UInt32) -> Bool { (0x300...0x36F).contains(value) }

    /// The one-scalar lower-case form, or the scalar itself.
    static func lowercase(_ value: UInt32) -> UInt32 {
        if (0x41...0x5A).contains(value) { return value + 0x20 }
        if value < 0x80 { return value }
        guard let scalar = Unicode.Scalar(value) else { return value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : value
    }
}
