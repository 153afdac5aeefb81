/// The one line a child process of the benchmark prints for its parent: a name, then `key=value`
/// pairs (`memory-probe rows=10 peak_rss=123`).
enum ProbeLine {
    /// The pairs of the last line starting with `name`; nil when there is none.
    static func fields(_ name: String, in output: String) -> [String: String]? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix(name + " ") }) else { return nil }
        var fields: [String: String] = [:]
        for pair in line.split(separator: " ").dropFirst() {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }
}
