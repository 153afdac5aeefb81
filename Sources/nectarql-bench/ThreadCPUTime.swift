import Foundation

/// CPU time of this process and of some of its threads, from `/proc/self/stat` and
/// `/proc/self/task/<tid>/stat` (Linux), to tell the engine's share from the in-process fake API's.
enum ThreadCPUTime {
    /// Ids of the process's threads whose name starts with `prefix` (all when empty).
    static func threadIDs(named prefix: String = "") -> Set<Int> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return Set(names.compactMap(Int.init).filter { tid in
            prefix.isEmpty || ((try? String(contentsOfFile: "/proc/self/task/\(tid)/comm", encoding: .utf8)) ?? "").hasPrefix(prefix)
        })
    }

    /// User plus system CPU seconds of the whole process.
    static var processSeconds: Double { seconds(statPath: "/proc/self/stat") ?? 0 }

    /// User plus system CPU seconds of the given threads (threads that have ended count 0).
    static func seconds(threads: Set<Int>) -> Double {
        threads.reduce(0) { $0 + (seconds(statPath: "/proc/self/task/\($1)/stat") ?? 0) }
    }

    /// Fields 14 and 15 (utime, stime, in clock ticks) of a stat line; the name in parentheses may hold spaces.
    private static func seconds(statPath: String) -> Double? {
        guard let text = try? String(contentsOfFile: statPath, encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
