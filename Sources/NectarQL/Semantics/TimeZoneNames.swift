import Foundation

/// Time-zone names as people type them: `America/Sao_Paulo`, `america/sao_paulo` and
/// `AMERICA/SAO_PAULO` are one zone (IANA names differ only in case, never by it).
package enum TimeZoneNames {
    /// The IANA spelling of the zone named `name` in any case (`utc` → `UTC`); nil when no zone has that name.
    package static func identifier(named name: String) -> String? {
        let lowercased = name.lowercased()
        if let known = byLowercasedName[lowercased] { return known }
        if TimeZone(identifier: name) != nil { return name }
        return inDatabase[lowercased]
    }

    /// The zone named `name`, in any case; nil when no zone has that name.
    package static func zone(named name: String) -> TimeZone? {
        identifier(named: name).flatMap(TimeZone.init(identifier:))
    }

    private static let byLowercasedName: [String: String] = Dictionary(
        TimeZone.knownTimeZoneIdentifiers.map { ($0.lowercased(), $0) } + [("utc", "UTC"), ("gmt", "GMT")],
        uniquingKeysWith: { first, _ in first })

    /// Every zone file of the system's database, read only when a name is not in Foundation's
    /// list: on Linux the list leaves out names the database knows (`Asia/Kolkata`, `Etc/GMT+3`),
    /// which would otherwise be found only in their exact case.
    private static let inDatabase: [String: String] = Dictionary(
        databaseNames().map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The zone names under `TZDIR` (or /usr/share/zoneinfo): files whose path is the name,
    /// skipping the database's own tables and the `posix/` and `right/` copies.
    private static func databaseNames() -> [String] {
        let root = ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var names: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasPrefix("posix") || path.hasPrefix("right") {
                walker.skipDescendants()
                continue
            }
            guard let first = path.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first), !path.contains(".") else { continue }
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { names.append(path) }
        }
        return names
    }
}
