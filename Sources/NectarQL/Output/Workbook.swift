import CXlsxWriter
import Foundation

/// An Excel workbook being written with libxlsxwriter, one worksheet per statement.
///
/// Sheets stream to disk row by row (constant-memory mode), so a large result never sits in
/// memory. The workbook is assembled in a temporary file and moved into place only by `close`,
/// and only when every sheet is complete: a statement that fails midway never leaves a
/// workbook with a truncated sheet that looks like the whole answer.
package final class Workbook {
    /// Where the finished workbook goes.
    package enum Destination {
        /// A file, replaced atomically when the workbook is closed.
        case file(path: String)
        /// A stream (standard output redirected to a file or a pipe), copied there when closed.
        case sink(OutputSink)
    }

    /// Rows in an Excel sheet, the header included.
    package static let excelRowLimit = 1_048_576
    package static let excelColumnLimit = 16_384

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let destination: Destination
    private let temporaryPath: String
    let formats: ExcelFormats
    /// Rows a sheet may take, the header included; smaller than Excel's only in tests.
    let rowLimit: Int
    /// The sheets in order, as Excel shows their tabs.
    package private(set) var sheetNames: [String] = []
    /// A sheet begun and not finished (its statement is running, or failed).
    private var openSheet: String?
    private var failedSheet: String?

    package init(destination: Destination, rowLimit: Int = Workbook.excelRowLimit) throws {
        self.destination = destination
        self.rowLimit = rowLimit
        let name = destination.name
        temporaryPath = try Self.makeTemporaryFile(near: destination, name: name)
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let workbook = workbook_new_opt(temporaryPath, &options) else {
            unlink(temporaryPath)
            throw OutputError.workbookFailed(path: name, reason: "libxlsxwriter could not start a workbook")
        }
        handle = workbook
        formats = ExcelFormats(workbook)
    }

    deinit {
        if let handle {
            _ = workbook_close(handle)
            unlink(temporaryPath)
        }
    }

    /// A writer for the next statement's result, which becomes a sheet named after
    /// `proposedName` (cleaned and made unique) once it begins.
    package func sheetWriter(named proposedName: String?, options: OutputOptions) -> any ResultWriter {
        WorkbookSheetWriter(workbook: self, proposedName: proposedName, options: options)
    }

    /// Writes the workbook to its destination; throws, writing nothing, when a sheet is
    /// incomplete. A workbook without sheets writes nothing either. Later calls do nothing.
    package func close() throws {
        guard let workbook = handle else { return }
        handle = nil
        defer { unlink(temporaryPath) }
        let status = workbook_close(workbook)
        if let incomplete = failedSheet ?? openSheet {
            throw OutputError.workbookIncomplete(path: destination.name, sheet: incomplete)
        }
        guard !sheetNames.isEmpty else { return }
        guard status == LXW_NO_ERROR else {
            throw OutputError.workbookFailed(path: destination.name, reason: String(cString: lxw_strerror(status)))
        }
        try deliver()
    }

    /// Adds the sheet a writer begins; a sheet left open by a failed statement stays failed.
    func addSheet(named proposedName: String?) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let workbook = handle else {
            throw OutputError.workbookFailed(path: destination.name, reason: "it is already closed")
        }
        if let open = openSheet, failedSheet == nil { failedSheet = open }
        let name = SheetName.unique(SheetName.cleaned(proposedName ?? SheetName.fallback), among: sheetNames)
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw OutputError.workbookFailed(path: destination.name, reason: "libxlsxwriter refused the sheet name '\(name)'")
        }
        sheetNames.append(name)
        openSheet = name
        return sheet
    }

    /// False once closed: a statement still winding down after Ctrl-C must not write into it.
    var isOpen: Bool { handle != nil }

    func sheetFinished() {
        openSheet = nil
    }

    private func deliver() throws {
        switch destination {
        case .file(let path):
            guard rename(temporaryPath, path) == 0 else {
                throw OutputError.workbookFailed(path: path, reason: String(cString: strerror(errno)))
            }
        case .sink(let sink):
            guard let data = FileManager.default.contents(atPath: temporaryPath) else {
                throw OutputError.workbookFailed(path: destination.name, reason: "its temporary file vanished")
            }
            try sink.write([UInt8](data))
            try sink.flush()
        }
    }

    /// A file to assemble the workbook in: beside the destination (so the final rename cannot
    /// cross file systems, and an unwritable directory is reported at once), else in TMPDIR.
    private static func makeTemporaryFile(near destination: Destination, name: String) throws -> String {
        let directory: String
        switch destination {
        case .file(let path):
            let parent = (path as NSString).deletingLastPathComponent
            directory = parent.isEmpty ? "." : parent
        case .sink:
            directory = NSTemporaryDirectory()
        }
        let base = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        let path = (directory as NSString).appendingPathComponent(".\(base).\(UUID().uuidString.prefix(8)).xlsx")
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw OutputError.cannotOpen(path: name, reason: "cannot create a file in \(directory)")
        }
        return path
    }
}

extension Workbook.Destination {
    /// How messages name it.
    var name: String {
        switch self {
        case .file(let path): path
        case .sink: "standard output"
        }
    }
}
