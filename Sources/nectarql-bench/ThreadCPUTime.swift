import Foundation

/// CPU time of this process and of some of its threads (Linux), to tell the engine's share from
/// the in-process fake API's. Both are the scheduler's exact running time in nanoseconds: the
/// clock-tick figures of `/proc/.../stat` come in 10 ms steps, a tenth of a group-by's CPU,
/// and a difference of two such readings per thread swung the result by as much again.
enum ThreadCPUTime {
    /// Ids of the process's threads whose name starts with `prefix` (all when empty).
    static func threadIDs(named prefix: String = "") -> Set<Int> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return Set(names.compactMap(Int.init).filter { tid in
            prefix.isEmpty || ((try? String(contentsOfFile: "/proc/self/task/\(tid)/comm", encoding: .utf8)) ?? "").hasPrefix(prefix)
        })
    }

    /// CPU seconds of the whole process, threads that have ended included.
    static var processSeconds: Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU seconds of the given threads (threads that have ended count 0).
    static func seconds(threads: Set<Int>) -> Double {
        threads.reduce(0) { $0 + (runningSeconds(thread: $1) ?? 0) }
    }

    /// The first field of `/proc/self/task/<tid>/schedstat`: nanoseconds spent running.
    private static func runningSeconds(thread: Int) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/task/\(thread)/schedstat", encoding: .utf8),
            let nanoseconds = text.split(separator: " ").first.flatMap({ Double($0) })
        else { return nil }
        return nanoseconds / 1e9
    }
}
