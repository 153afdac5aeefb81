import Foundation
import NectarCatalog
@testable import NectarOutput

/// Runs a whole result through a writer into memory and returns what it wrote.
func render(
    _ format: OutputFormat,
    columns: [ResultColumn],
    batches: [[[Value]]],
    timeZone: TimeZone = OutputOptions.defaultTimeZone,
    adjust: (inout OutputOptions) -> Void = { _ in }
) throws -> String {
    var options = OutputOptions(format: format, timeZone: timeZone)
    adjust(&options)
    let sink = StringSink()
    let writer = Writers.make(options, sink: sink)
    try writer.begin(columns: columns)
    for batch in batches { try writer.write(batch: batch) }
    try writer.finish()
    return sink.text
}

func render(
    _ format: OutputFormat, columns: [ResultColumn], rows: [[Value]],
    timeZone: TimeZone = OutputOptions.defaultTimeZone,
    adjust: (inout OutputOptions) -> Void = { _ in }
) throws -> String {
    try render(format, columns: columns, batches: [rows], timeZone: timeZone, adjust: adjust)
}

func text(_ name: String) -> ResultColumn { ResultColumn(name: name, type: .text) }
func float(_ name: String) -> ResultColumn { ResultColumn(name: name, type: .float) }
func boolean(_ name: String) -> ResultColumn { ResultColumn(name: name, type: .boolean) }
func timestamp(_ name: String) -> ResultColumn { ResultColumn(name: name, type: .timestamp) }

let utc = TimeZone(identifier: "UTC")!
let saoPaulo = TimeZone(identifier: "America/Sao_Paulo")!

/// Epoch milliseconds of a UTC wall-clock moment, computed independently of the code under test.
func utcMillis(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0, ms: Int = 0) -> Int64 {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = utc
    let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    return Int64(date.timeIntervalSince1970) * 1000 + Int64(ms)
}
