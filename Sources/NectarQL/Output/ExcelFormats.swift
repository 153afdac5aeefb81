import CXlsxWriter

/// The cell formats every sheet of a workbook shares (libxlsxwriter owns them).
struct ExcelFormats {
    let header: UnsafeMutablePointer<lxw_format>
    /// Whole numbers (ids, counts) without decimals.
    let integer: UnsafeMutablePointer<lxw_format>
    /// Other numbers with two decimals (money).
    let decimal: UnsafeMutablePointer<lxw_format>
    /// Timestamps as a Brazilian reader writes them.
    let dateTime: UnsafeMutablePointer<lxw_format>

    static let integerPattern = "0"
    static let decimalPattern = "0.00"
    static let dateTimePattern = "dd/mm/yyyy hh:mm"

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        header = workbook_add_format(workbook)!
        format_set_bold(header)
        integer = Self.numberFormat(Self.integerPattern, in: workbook)
        decimal = Self.numberFormat(Self.decimalPattern, in: workbook)
        dateTime = Self.numberFormat(Self.dateTimePattern, in: workbook)
    }

    private static func numberFormat(_ pattern: String, in workbook: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<lxw_format> {
        let format = workbook_add_format(workbook)!
        format_set_num_format(format, pattern)
        return format
    }
}
