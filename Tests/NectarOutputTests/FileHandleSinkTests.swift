import Testing
import Foundation
@testable import NectarOutput

@Suite struct FileHandleSinkTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("nectar-output-\(UUID().uuidString).csv").path
    }

    @Test func writesAFileThroughAWriter() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let sink = try FileHandleSink(path: path)
            let writer = Writers.make(OutputOptions(format: .csv), sink: sink)
            try writer.begin(columns: [float("id")])
            try writer.write(batch: [[.float(1)], [.float(2)]])
            try writer.finish()
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id\n1\n2\n")
    }

    @Test func replacesOrAppends() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileHandleSink(path: path).write("first\n")
        try FileHandleSink(path: path, append: true).write("second\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\nsecond\n")
        try FileHandleSink(path: path).write("third\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "third\n")
    }

    @Test func appendingToAFileWithContentCountsThatContent() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileHandleSink(path: path).write("12345")
        #expect(try FileHandleSink(path: path, append: true).bytesWritten == 5)
        #expect(try FileHandleSink(path: path).bytesWritten == 0)
    }

    @Test func largeWritesArriveWhole() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let chunk = [UInt8](repeating: UInt8(ascii: "z"), count: 100_000)
        do {
            let sink = try FileHandleSink(path: path)
            try sink.write("a")
            try sink.write(chunk)
            try sink.write("b")
            try sink.flush()
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.count == 100_002)
        #expect(data.first == UInt8(ascii: "a") && data.last == UInt8(ascii: "b"))
    }

    @Test func missingDirectoryNamesThePath() {
        let path = "/nonexistent-dir-\(UUID().uuidString)/out.csv"
        #expect(throws: OutputError.self) { try FileHandleSink(path: path) }
        do {
            _ = try FileHandleSink(path: path)
        } catch {
            #expect("\(error)".contains(path))
        }
    }
}
