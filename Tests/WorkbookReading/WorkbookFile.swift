import Foundation

/// A written .xlsx read back the way the tests need it: sheet names, one sheet's cells with
/// their type and style, the number format and boldness a style stands for, and the sheet's
/// frozen pane, autofilter and column widths, straight from the XML parts.
public struct WorkbookFile {
    public let archive: ZipArchive
    public let workbookXML: String
    public let stylesXML: String

    public init(path: String) throws {
        archive = try ZipArchive(path: path)
        workbookXML = try archive.text("xl/workbook.xml")
        stylesXML = try archive.text("xl/styles.xml")
    }

    /// The tabs, in order.
    public var sheetNames: [String] {
        elements("sheet", in: workbookXML).compactMap { attribute("name", of: $0).map(unescaped) }
    }

    /// The XML of the sheet at `index` (0-based, in tab order).
    public func sheet(_ index: Int) throws -> Sheet {
        Sheet(xml: try archive.text("xl/worksheets/sheet\(index + 1).xml"))
    }

    /// The number format of style `index` (`s="…"` on a cell), built-in codes spelled out.
    public func numberFormat(style index: Int) -> String? {
        let cellFormats = section("cellXfs", in: stylesXML).map { elements("xf", in: $0) } ?? []
        guard index < cellFormats.count, let id = attribute("numFmtId", of: cellFormats[index]).flatMap(Int.init) else { return nil }
        let builtIn = [0: "General", 1: "0", 2: "0.00", 14: "mm-dd-yy", 22: "m/d/yy h:mm"]
        if let code = builtIn[id] { return code }
        let custom = section("numFmts", in: stylesXML).map { elements("numFmt", in: $0) } ?? []
        return custom.first { attribute("numFmtId", of: $0) == String(id) }.flatMap { attribute("formatCode", of: $0) }.map(unescaped)
    }

    /// Whether style `index` uses a bold font.
    public func isBold(style index: Int) -> Bool {
        let cellFormats = section("cellXfs", in: stylesXML).map { elements("xf", in: $0) } ?? []
        let fonts = section("fonts", in: stylesXML).map { elementsWithBodies("font", in: $0) } ?? []
        guard index < cellFormats.count, let font = attribute("fontId", of: cellFormats[index]).flatMap(Int.init), font < fonts.count
        else { return false }
        return fonts[font].contains("<b/>")
    }

    public struct Cell: Equatable {
        /// `t="…"`: `inlineStr` / `s` text, `b` boolean, nil a number (dates are numbers).
        public let type: String?
        public let style: Int
        /// The number or boolean as written, or the text.
        public let value: String
        /// Whether the cell holds a formula (`<f>`), which must never happen.
        public let hasFormula: Bool
    }

    public struct Sheet {
        public let xml: String

        /// The cell at `reference` (`B2`), or nil when the sheet has none there (an empty cell).
        public func cell(_ reference: String) -> Cell? {
            guard let start = xml.range(of: "<c r=\"\(reference)\"") else { return nil }
            let rest = xml[start.lowerBound...]
            let end = rest.range(of: "</c>").map { $0.upperBound } ?? rest.range(of: "/>")!.upperBound
            let element = String(rest[..<end])
            let tag = String(element[..<element.firstIndex(of: ">")!])
            let value = between("<t>", "</t>", in: element) ?? between("<t xml:space=\"preserve\">", "</t>", in: element)
                ?? between("<v>", "</v>", in: element) ?? ""
            return Cell(
                type: attribute("t", of: tag), style: attribute("s", of: tag).flatMap(Int.init) ?? 0,
                value: unescaped(value), hasFormula: element.contains("<f>") || element.contains("<f "))
        }

        /// `ref` of `<autoFilter>`, e.g. `A1:D4`.
        public var autoFilter: String? { elements("autoFilter", in: xml).first.flatMap { attribute("ref", of: $0) } }

        /// The `<pane>` element's attributes that freeze rows.
        public var frozenRows: Int? {
            guard let pane = elements("pane", in: xml).first, attribute("state", of: pane) == "frozen" else { return nil }
            return attribute("ySplit", of: pane).flatMap(Int.init)
        }

        /// Column widths by 1-based column number.
        public var columnWidths: [Int: Double] {
            var widths: [Int: Double] = [:]
            for column in elements("col", in: xml) {
                if let min = attribute("min", of: column).flatMap(Int.init), let width = attribute("width", of: column).flatMap(Double.init) {
                    widths[min] = width
                }
            }
            return widths
        }

        public var formulaCount: Int { xml.components(separatedBy: "<f>").count - 1 + xml.components(separatedBy: "<f ").count - 1 }
    }
}

/// The opening tags `<name …>` / `<name …/>` in `xml` (not their bodies).
func elements(_ name: String, in xml: String) -> [String] {
    var found: [String] = []
    var rest = xml[...]
    while let start = rest.range(of: "<\(name)") {
        let after = rest[start.upperBound...]
        guard let next = after.first, next == " " || next == ">" || next == "/" else {
            rest = after
            continue
        }
        guard let end = after.firstIndex(of: ">") else { break }
        found.append(String(rest[start.lowerBound...end]))
        rest = after[after.index(after: end)...]
    }
    return found
}

/// `<name …>…</name>` elements with their bodies.
func elementsWithBodies(_ name: String, in xml: String) -> [String] {
    xml.components(separatedBy: "<\(name)>").dropFirst().map { $0.components(separatedBy: "</\(name)>").first ?? "" }
}

/// The body of the first `<name …>…</name>`.
func section(_ name: String, in xml: String) -> String? {
    guard let start = xml.range(of: "<\(name)"), let end = xml.range(of: "</\(name)>") else { return nil }
    return String(xml[start.lowerBound..<end.upperBound])
}

func attribute(_ name: String, of tag: String) -> String? {
    between(" \(name)=\"", "\"", in: tag)
}

func between(_ open: String, _ close: String, in text: String) -> String? {
    guard let start = text.range(of: open), let end = text[start.upperBound...].range(of: close) else { return nil }
    return String(text[start.upperBound..<end.lowerBound])
}

func unescaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}
