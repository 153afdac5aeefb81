import Foundation

/// Keeps `ListingSizes` between sessions in a small JSON file, written whole and atomically with
/// mode 0600 (filter values in the keys can name clients). The sizes are only an optimisation,
/// so a missing or unreadable file reads as empty.
package struct ListingSizesFile: Sendable {
    /// The oldest entries go beyond this many, so filters typed once do not pile up forever.
    static let maximumEntries = 2_000

    struct Entry: Codable {
        var records: Int
        /// When a session last saved it, in seconds since 1970: the oldest go first.
        var saved: Double
    }

    package let path: String

    package init(path: String) {
        self.path = path
    }

    package func load() -> [String: Int] {
        entries().mapValues(\.records)
    }

    /// Merges `sizes` into what the file holds now (another session may have written since this
    /// one loaded it) and replaces the file.
    package func save(_ sizes: [String: Int]) throws {
        let now = Date().timeIntervalSince1970
        var merged = entries()
        for (key, records) in sizes { merged[key] = Entry(records: records, saved: now) }
        if merged.count > Self.maximumEntries {
            let oldest = merged.sorted { ($0.value.saved, $0.key) < ($1.value.saved, $1.key) }.prefix(merged.count - Self.maximumEntries)
            for (key, _) in oldest { merged[key] = nil }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try write(try encoder.encode(merged))
    }

    private func entries() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path),
            let entries = try? JSONDecoder().decode([String: Entry].self, from: data)
        else { return [:] }
        return entries
    }

    /// Writes a private temporary file beside the target, then renames it over the target.
    private func write(_ data: Data) throws {
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, path) == 0 else {
            let error = CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
