import CReadline
import Foundation
import NectarQL

/// The prompt's history, kept in `~/.nectarql_history` (or `NECTARQL_HISTORY`) with mode 0600.
///
/// A multi-line statement is one entry: entries are written with a `#<time>` line before each,
/// and readline reads everything up to the next such line back as one entry.
@MainActor
struct HistoryFile {
    let path: String
    /// Lines containing it are never stored.
    let secret: String

    static let environmentVariable = "NECTARQL_HISTORY"
    static let maximumEntries: Int32 = 2000

    static func defaultPath(environment: [String: String]) -> String {
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".nectarql_history")
    }

    /// Creates the file if needed (0600 from the start, never briefly world-readable) and loads it.
    func load() {
        nectarql_history_use_multiline_entries()
        stifle_history(Self.maximumEntries)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            StandardError.line("warning: cannot open history file '\(path)': \(String(cString: strerror(errno))); history will not be saved")
            return
        }
        close(descriptor)
        chmod(path, 0o600)
        read_history(path)
    }

    /// Remembers an entry and appends it to the file at once, so a crash loses nothing.
    func add(_ entry: String) {
        // A `.snapshot postgres://user:password@…` line is kept without its password.
        let text = SnapshotLocationRedaction.redact(entry.trimmingBlanks())
        guard !text.isEmpty, secret.isEmpty || !text.contains(secret) else { return }
        if let last = lastEntry, last == text { return }
        add_history(text)
        append_history(1, path)
        chmod(path, 0o600)
    }

    /// Keeps the file within the entry limit; called when the shell leaves.
    func trim() {
        history_truncate_file(path, Self.maximumEntries)
    }

    private var lastEntry: String? {
        nectarql_history_last_line().map { String(cString: $0) }
    }
}
