import Foundation
import NectarCatalog
import Testing
@testable import NectarOutput

/// Bar charts laid out at several widths, compared with golden files in Fixtures/BarCharts.
@Suite struct BarChartWriterTests {
    static let owners: [[Value]] = [
        [.text("Carlos Barbosa"), .float(34), .float(7_026_107.36)],
        [.text("Thiago Cardoso"), .float(34), .float(6_899_665.03)],
        [.text("Luíza Correia"), .float(39), .float(6_651_891.44)],
        [.text("Ana"), .float(1), .float(120_000)],
        [.text("Sem vendas"), .float(0), .null],
    ]
    static let ownerColumns = [text("vendedor"), float("ganhas"), float("receita")]

    func chart(_ columns: [ResultColumn], _ rows: [[Value]], width: Int, ascii: Bool = false, headers: Bool = true) throws -> String {
        try render(.bar, columns: columns, rows: rows, timeZone: saoPaulo) {
            $0.terminalWidth = width
            $0.ascii = ascii
            $0.headers = headers
        }
    }

    @Test(arguments: [40, 60, 100])
    func barsAreLabelledSizedByTheLastNumberAndFitTheWidth(width: Int) throws {
        let output = try chart(Self.ownerColumns, Self.owners, width: width)
        try expectGolden(output, "BarCharts/owners-\(width).txt")
        for line in output.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= width, "\(line)") }
    }

    @Test func asciiBarsForATerminalThatIsNotUTF8() throws {
        let output = try chart(Self.ownerColumns, Self.owners, width: 60, ascii: true)
        try expectGolden(output, "BarCharts/owners-ascii-60.txt")
        #expect(output.unicodeScalars.allSatisfy(\.isASCII) || output.contains("Luíza"), "only the data may be non-ASCII")
        #expect(!output.contains("█") && !output.contains("│"))
    }

    @Test func negativeValuesGrowLeftOfTheZeroLine() throws {
        let rows: [[Value]] = [
            [.text("janeiro"), .float(300)], [.text("fevereiro"), .float(-150)], [.text("março"), .float(75.5)],
            [.text("abril"), .float(-300)], [.text("maio"), .float(0)],
        ]
        let output = try chart([text("mes"), float("saldo")], rows, width: 60)
        try expectGolden(output, "BarCharts/negative-60.txt")
        let zeroColumns = output.split(separator: "\n").dropFirst().map { line in line.distance(from: line.startIndex, to: line.firstIndex(of: "│")!) }
        #expect(Set(zeroColumns).count == 1, "the zero line is one straight line")
    }

    /// A timestamp first column and numbers after it: one bar per period, in time order.
    @Test func aTimeSeriesIsDrawnInTimeOrderWithPeriodLabels() throws {
        func month(_ year: Int, _ month: Int) -> Value { .timestamp(utcMillis(year, month, 1, 3)) }  // midnight in São Paulo
        let rows: [[Value]] = [
            [month(2024, 3), .float(12), .float(950_000)], [month(2024, 1), .float(20), .float(1_200_000)],
            [month(2024, 2), .float(0), .null], [month(2023, 12), .float(7), .float(430_000.5)],
        ]
        let output = try chart([timestamp("mes"), float("negocios"), float("receita")], rows, width: 60)
        try expectGolden(output, "BarCharts/monthly-60.txt")
        let labels = output.split(separator: "\n").dropFirst().map { String($0.prefix(7)) }
        #expect(labels == ["2023-12", "2024-01", "2024-02", "2024-03"])
    }

    @Test func labelsFromSeveralTextColumnsAreCutWhenNarrow() throws {
        let rows: [[Value]] = [
            [.text("Funil de vendas corporativas"), .text("Proposta enviada ao cliente"), .float(12), .float(540_000)],
            [.text("Funil de vendas corporativas"), .text("Negociação"), .float(3), .float(98_000)],
            [.text("Varejo"), .text("Primeiro contato"), .float(40), .float(12_500.75)],
        ]
        let output = try chart([text("funil"), text("etapa"), float("oportunidades"), float("valor_total")], rows, width: 60)
        try expectGolden(output, "BarCharts/pipeline-60.txt")
        #expect(output.contains("…"))
    }

    @Test func moreThanFortyRowsDrawsTheFirstFortyAndSaysSo() throws {
        let rows: [[Value]] = (1...45).map { [.text("linha \($0)"), .float(Double($0))] }
        let output = try chart([text("nome"), float("n")], rows, width: 60, headers: false)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 41)
        #expect(lines.first?.hasPrefix("linha 1 ") == true)
        #expect(lines[39].hasPrefix("linha 40 "))
        #expect(lines.last == "(the first 40 of 45 rows; a chart shows at most 40 bars)")
    }

    @Test func aTimeSeriesKeepsTheEarliestFortyPeriodsWhateverTheirOrder() throws {
        let rows: [[Value]] = (0..<50).reversed().map { [.timestamp(utcMillis(2020, 1, 1, 3) + Int64($0) * 86_400_000), .float(1)] }
        let output = try chart([timestamp("dia"), float("n")], rows, width: 60, headers: false)
        let lines = output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("2020-01-01 ") == true)
        #expect(lines[39].hasPrefix("2020-02-09 "))
        #expect(lines.last == "(the first 40 of 50 periods; a chart shows at most 40 bars)")
    }

    @Test func numbersOnlyAreLabelledByTheOtherColumns() throws {
        let output = try chart([float("status"), float("n")], [[.float(1), .float(10)], [.float(2), .float(5)]], width: 40, headers: false)
        #expect(output.split(separator: "\n").map { $0.prefix(2) } == ["1 ", "2 "])
    }

    @Test func aResultWithoutNumbersCannotBeCharted() throws {
        #expect(throws: OutputError.nothingToChart) { try chart([text("nome")], [[.text("Ana")]], width: 60) }
    }

    @Test func noRowsSaysSo() throws {
        #expect(try chart(Self.ownerColumns, [], width: 60) == "(0 rows)\n")
    }

    @Test func withoutATerminalTheChartIsEightyCellsWide() throws {
        let output = try render(.bar, columns: Self.ownerColumns, rows: Self.owners)
        #expect(output.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() == 80)
    }
}
