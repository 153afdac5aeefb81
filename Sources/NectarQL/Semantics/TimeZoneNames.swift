import Foundation

/// Time-zone names as people type them: `America/Sao_Paulo`, `america/sao_paulo` and
/// `AMERICA/SAO_PAULO` are one zone (IANA names differ only in case, never by it).
package enum TimeZoneNames {
    /// The IANA spelling of the zone named `name` in any case (`utc` → `UTC`); nil when no zone has that name.
    package static func identifier(named name: String) -> String? {
        if let known = byLowercasedName[name.lowercased()] { return known }
        return TimeZone(identifier: name) != nil ? name : nil
    }

    /// The zone named `name`, in any case; nil when no zone has that name.
    package static func zone(named name: String) -> TimeZone? {
        identifier(named: name).flatMap(TimeZone.init(identifier:))
    }

    private static let byLowercasedName: [String: String] = Dictionary(
        TimeZone.knownTimeZoneIdentifiers.map { ($0.lowercased(), $0) } + [("utc", "UTC"), ("gmt", "GMT")],
        uniquingKeysWith: { first, _ in first })
}
