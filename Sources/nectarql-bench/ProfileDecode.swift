import Foundation
import NectarCatalog
import NectarMock

/// `--profile-decode`: the `--cpu` group-by's decoding step alone. The oportunidades pages are
/// made in memory, 50 records each as the engine asks for them, and flattened for the two
/// columns the group-by reads, `--profile-runs` times on one thread: no HTTP, no scheduling, so
/// the figure moves only when the JSON reader does.
struct ProfileDecode {
    static let pageSize = 50
    static let columnsRead = ["status", "valortotal"]

    let scale: Double
    let seed: UInt64
    let runs: Int

    func run() throws -> String {
        let pages = Self.pages(of: MockDataset(seed: seed, scale: scale).records(.oportunidades))
        guard let table = Catalog.nectarCRM.table(named: "oportunidades") else {
            preconditionFailure("the seed's catalog lists oportunidades")
        }
        let flattener = Flattener(
            table: table, reading: Set(Self.columnsRead.compactMap(table.columnIndex)), compactRows: true)
        let bytes = pages.reduce(0) { $0 + $1.count }
        var lines: [String] = []
        for run in 1...runs {
            let cpuBefore = ThreadCPUTime.processSeconds
            let clock = ContinuousClock(), start = clock.now
            var records = 0
            for page in pages { records += try flattener.flattenPage(page).recordCount }
            let seconds = (clock.now - start).seconds
            let cpu = ThreadCPUTime.processSeconds - cpuBefore
            lines.append(
                "profile-decode run=\(run) records=\(records) MB=\(Format.megabytes(bytes)) ms=\(Format.milliseconds(seconds)) "
                    + "records_per_s=\(Format.integer(Double(records) / seconds)) MB_per_s=\(Format.integer(Double(bytes) / seconds / 1e6)) "
                    + "cpu_ms=\(Format.milliseconds(cpu))")
        }
        return lines.joined(separator: "\n")
    }

    /// The records as JSON array pages, the way the API sends them.
    private static func pages(of records: [MockJSON]) -> [[UInt8]] {
        stride(from: 0, to: records.count, by: pageSize).map { start in
            var page: [UInt8] = [UInt8(ascii: "[")]
            for (offset, record) in records[start..<min(start + pageSize, records.count)].enumerated() {
                if offset > 0 { page.append(UInt8(ascii: ",")) }
                record.encode(into: &page)
            }
            page.append(UInt8(ascii: "]"))
            return page
        }
    }
}
