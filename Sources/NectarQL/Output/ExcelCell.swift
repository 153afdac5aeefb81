import CXlsxWriter
import Foundation
import NectarCatalog

/// Writes one value as a typed Excel cell, and answers how wide it shows (for the column width).
///
/// Numbers stay numbers (integral ones with an integer format, others with two decimals),
/// timestamps become Excel date-times on the session's wall clock, booleans booleans, and text
/// is always written as a string — never as a formula, whatever it starts with. NULL is an
/// empty cell.
struct ExcelCell {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    let formats: ExcelFormats
    let converter: LocalTimeConverter

    /// Excel keeps 15 significant digits; beyond that a number is no longer exactly integral.
    static let largestExactInteger = 1e15
    /// Excel's dates run from 1900 to 9999; other timestamps are written as text.
    static let excelYears = 1900...9999
    static let dateTimeWidth = "dd/mm/yyyy hh:mm".count

    func write(_ value: Value, row: Int, column: Int) throws -> Int {
        let (row, column) = (lxw_row_t(row), lxw_col_t(column))
        switch value {
        case .null:
            return 0
        case .float(let number) where !number.isFinite:
            return try writeText(ValueFormatter.number(number), row: row, column: column)
        case .float(let number):
            let integral = number.rounded() == number && abs(number) < Self.largestExactInteger
            try check(worksheet_write_number(sheet, row, column, number, integral ? formats.integer : formats.decimal))
            return Self.width(of: number, integral: integral)
        case .boolean(let flag):
            try check(worksheet_write_boolean(sheet, row, column, flag ? 1 : 0, nil))
            return 5
        case .timestamp(let millis):
            let time = converter.localTime(millis: millis)
            guard Self.excelYears.contains(time.year) else {
                return try writeText(ValueFormatter.timestamp(millis, in: converter), row: row, column: column)
            }
            var dateTime = lxw_datetime(
                year: Int32(time.year), month: Int32(time.month), day: Int32(time.day), hour: Int32(time.hour),
                min: Int32(time.minute), sec: Double(time.second) + Double(time.millisecond) / 1000)
            try check(worksheet_write_datetime(sheet, row, column, &dateTime, formats.dateTime))
            return Self.dateTimeWidth
        case .text(let string):
            return try writeText(string, row: row, column: column)
        }
    }

    /// The header row: each name in bold.
    func writeHeader(_ name: String, column: Int) throws -> Int {
        try check(worksheet_write_string(sheet, 0, lxw_col_t(column), name, formats.header))
        return DisplayWidth.of(name)
    }

    private func writeText(_ string: String, row: lxw_row_t, column: lxw_col_t) throws -> Int {
        let status = worksheet_write_string(sheet, row, column, string, nil)
        if status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED {
            throw CellTooLong(characters: string.unicodeScalars.count)
        }
        try check(status)
        return DisplayWidth.of(string)
    }

    private func check(_ status: lxw_error) throws {
        guard status == LXW_NO_ERROR else {
            throw OutputError.writeFailed(reason: "libxlsxwriter: " + String(cString: lxw_strerror(status)))
        }
    }

    /// Characters the number shows with its format: digits, sign, and `.00` when decimal.
    static func width(of number: Double, integral: Bool) -> Int {
        let magnitude = abs(number)
        let digits = magnitude < 10 ? 1 : Int(log10(magnitude)) + 1
        return digits + (number < 0 ? 1 : 0) + (integral ? 0 : 3)
    }

    /// Reported by the sheet writer with the row and column it happened in.
    struct CellTooLong: Error {
        let characters: Int
    }
}
