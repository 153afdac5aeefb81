import Foundation
import Testing

/// Compares output with a golden file under `Fixtures/`; `NECTARQL_UPDATE_GOLDEN=1 swift test`
/// writes the files instead (then read the diff before committing it).
func expectGolden(_ output: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    if ProcessInfo.processInfo.environment["NECTARQL_UPDATE_GOLDEN"] != nil {
        try output.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = try #require(
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) },
        "missing golden file \(name); run with NECTARQL_UPDATE_GOLDEN=1 to write it", sourceLocation: sourceLocation)
    #expect(output == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
}
