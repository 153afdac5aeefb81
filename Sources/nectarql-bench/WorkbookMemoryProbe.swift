import Foundation
import NectarOutput
import NectarQL

extension MemoryProbe {
    /// The xlsx side of the memory measurement: the result's rows written over and over into a
    /// workbook file until it holds `target` rows, so 20,000 and 200,000 rows can be compared
    /// (constant-memory mode should keep the peak flat). The file goes in a temporary directory.
    func writeWorkbook(_ engine: Engine, rows target: Int, baseline: Int) async throws -> Report {
        let result = try await engine.execute(Self.statement)
        let rows = try await result.allRows()
        guard !rows.isEmpty else { throw BenchmarkError.probeFailed(arguments: ["--xlsx-rows"], status: 0, output: "no rows to write") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nectarql-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("memory.xlsx").path
        let workbook = try Workbook(destination: .file(path: path))
        let writer = workbook.sheetWriter(named: "contatos", options: OutputOptions(format: .xlsx))
        try writer.begin(columns: result.columns)
        var written = 0
        while written < target {
            let batch = Array(rows.prefix(target - written))
            try writer.write(batch: batch)
            written += batch.count
        }
        try writer.finish()
        try workbook.close()
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        return Report(rows: written, outputBytes: bytes, baselineBytes: baseline, peakBytes: ProcessMemory.peakBytes ?? 0)
    }
}
