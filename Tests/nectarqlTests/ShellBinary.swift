import Foundation

/// Finds the `nectarql` executable that `swift build` / `swift test` produced, so the tests run
/// the real binary. `NECTARQL_BINARY` overrides the search.
enum ShellBinary {
    static let path: String = locate()

    /// The package root, from this file's place in `Tests/nectarqlTests/`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func locate() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["NECTARQL_BINARY"] { return explicit }
        var candidates: [String] = []
        // The test runner sits next to the products it was built with.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("nectarql").path)
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("nectarql").path)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nectarql").path)
        for configuration in ["debug", "release"] {
            candidates.append(packageRoot.appendingPathComponent(".build/\(configuration)/nectarql").path)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }
}
