import Foundation

/// Number formats shared by every section of the output.
enum Format {
    static func milliseconds(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
    static func kilobytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1024) }
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
    static func integer(_ value: Double) -> String { String(format: "%.0f", value) }
}
