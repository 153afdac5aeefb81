import Testing
import Foundation
import NectarCatalog
@testable import NectarOutput

@Suite struct JSONWriterTests {
    private let columns = [float("id"), text("nome"), boolean("ativo"), timestamp("criado"), float("valor")]

    private func parse(_ line: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
    }

    @Test func arrayOfObjectsWithRealTypes() throws {
        let rows: [[Value]] = [
            [.float(123456789), .text("Ana"), .boolean(true), .timestamp(utcMillis(2024, 3, 5, 17, 30)), .float(-2.5)],
            [.float(2), .null, .boolean(false), .null, .float(0.1)],
        ]
        let output = try render(.json, columns: columns, rows: rows, timeZone: saoPaulo)
        #expect(output.contains(#"{"id":123456789,"nome":"Ana","ativo":true,"criado":"2024-03-05T14:30:00-03:00","valor":-2.5}"#))
        let objects = try #require(try parse(output) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["id"] as? Int == 123456789)
        #expect(objects[0]["ativo"] as? Bool == true)
        #expect(objects[1]["nome"] is NSNull)
        #expect(objects[1]["valor"] as? Double == 0.1)
    }

    @Test func keysFollowColumnOrder() throws {
        let output = try render(.json, columns: [text("z"), text("a"), text("m")], rows: [[.text("1"), .text("2"), .text("3")]])
        #expect(output.contains(#"{"z":"1","a":"2","m":"3"}"#))
    }

    @Test func duplicateColumnNamesAreKeptAsGiven() throws {
        let output = try render(.jsonl, columns: [text("nome"), text("nome")], rows: [[.text("a"), .text("b")]])
        #expect(output == #"{"nome":"a","nome":"b"}"# + "\n")
    }

    @Test func zeroRowsIsAnEmptyArray() throws {
        let output = try render(.json, columns: columns, rows: [])
        #expect(output == "[]\n")
        #expect((try parse(output) as? [Any])?.isEmpty == true)
    }

    @Test func stringsAreEscapedAndUnicodeKept() throws {
        let tricky = "aspas \" barra \\ nova\nlinha\ttab \u{01} \u{1F} çé 😀 \u{2028}"
        let output = try render(.json, columns: [text("t")], rows: [[.text(tricky)]])
        #expect(output.contains(#""aspas \" barra \\ nova\nlinha\ttab \u0001 \u001f çé 😀 "#))
        let objects = try #require(try parse(output) as? [[String: String]])
        #expect(objects[0]["t"] == tricky)
    }

    @Test func nonFiniteNumbersAreWrittenAsCSVWritesThem() throws {
        let rows: [[Value]] = [[.float(.nan), .float(.infinity), .float(-.infinity), .float(1e21)]]
        let columns = [float("a"), float("b"), float("c"), float("d")]
        let output = try render(.jsonl, columns: columns, rows: rows)
        #expect(output == #"{"a":"NaN","b":"Infinity","c":"-Infinity","d":1e+21}"# + "\n")
        #expect(try parse(output) is [String: Any], "still valid JSON: JSON has no literal for them")
        let csv = try render(.csv, columns: columns, rows: rows)
        #expect(csv == "a,b,c,d\nNaN,Infinity,-Infinity,1e+21\n")
    }

    @Test func repeatedColumnNamesAreWrittenAsTheyCome() throws {
        // The engine makes result names unique (OutputNameTests); the writer does not rename.
        let output = try render(.jsonl, columns: [float("o.id"), float("c.id")], rows: [[.float(1), .float(2)]])
        #expect(output == #"{"o.id":1,"c.id":2}"# + "\n")
    }

    @Test func timestampsCarryTheZoneOffsetAndMillisecondsWhenPresent() throws {
        let rows: [[Value]] = [[.timestamp(utcMillis(2018, 12, 1, 12, ms: 5))], [.timestamp(utcMillis(2018, 12, 1, 12))]]
        let saoPauloOutput = try render(.jsonl, columns: [timestamp("t")], rows: rows, timeZone: saoPaulo)
        #expect(saoPauloOutput == "{\"t\":\"2018-12-01T10:00:00.005-02:00\"}\n{\"t\":\"2018-12-01T10:00:00-02:00\"}\n")
        let utcOutput = try render(.jsonl, columns: [timestamp("t")], rows: rows, timeZone: utc)
        #expect(utcOutput == "{\"t\":\"2018-12-01T12:00:00.005+00:00\"}\n{\"t\":\"2018-12-01T12:00:00+00:00\"}\n")
    }

    @Test func streamedAcrossBatchesStaysOneValidArray() throws {
        let batches: [[[Value]]] = [[[.float(1)], [.float(2)]], [], [[.float(3)]]]
        let output = try render(.json, columns: [float("id")], batches: batches)
        let objects = try #require(try parse(output) as? [[String: Int]])
        #expect(objects.map { $0["id"] } == [1, 2, 3])
    }

    @Test func jsonlWritesOneParsableObjectPerLine() throws {
        let rows: [[Value]] = [[.float(1), .text("a\nb")], [.float(2), .null]]
        let output = try render(.jsonl, columns: [float("id"), text("t")], rows: rows)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines { #expect(try parse(String(line)) is [String: Any]) }
    }

    @Test func headersOptionDoesNotApply() throws {
        let output = try render(.jsonl, columns: [float("id")], rows: [[.float(1)]]) { $0.headers = false }
        #expect(output == #"{"id":1}"# + "\n")
    }
}
