import Foundation

/// Resident memory of this process, from `/proc/self/status` (Linux). Elsewhere the figures are nil.
enum ProcessMemory {
    /// Peak resident set size (`VmHWM`) in bytes.
    static var peakBytes: Int? { statusField("VmHWM") }

    /// Current resident set size (`VmRSS`) in bytes.
    static var currentBytes: Int? { statusField("VmRSS") }

    /// Starts a new peak from the current size (writing 5 to `clear_refs`, Linux 4.0+), so one
    /// query's peak can be read in a process that has already run others. False when not allowed.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    private static func statusField(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            // "VmHWM:\t  218536 kB": a tab, padding, the figure in kB.
            let number = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return number.map { $0 * 1024 }
        }
        return nil
    }
}
