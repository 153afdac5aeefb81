import CZlib
import Foundation

/// The entries of a zip file (an .xlsx is one), read whole into memory: enough for the tests
/// to open the workbooks the writer makes without an `unzip` program. Stored and deflated
/// entries only, no zip64 — what libxlsxwriter writes for a test-sized workbook.
public struct ZipArchive {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let bytes: [UInt8]
    private var entries: [String: Entry] = [:]
    /// Entry names in the order of the central directory.
    public private(set) var entryNames: [String] = []

    private struct Entry {
        let method: Int
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        bytes = [UInt8](data)
        try readCentralDirectory()
    }

    /// An entry's contents as UTF-8 text (the XML parts of a workbook).
    public func text(_ name: String) throws -> String {
        String(decoding: try contents(name), as: UTF8.self)
    }

    public func contents(_ name: String) throws -> [UInt8] {
        guard let entry = entries[name] else {
            throw Failure(description: "no entry \(name); the archive has \(entryNames)")
        }
        let offset = entry.localHeaderOffset
        guard try uint32(at: offset) == 0x0403_4b50 else { throw Failure(description: "bad local header for \(name)") }
        let start = offset + 30 + Int(try uint16(at: offset + 26)) + Int(try uint16(at: offset + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Failure(description: "\(name) runs past the end") }
        let stored = Array(bytes[start..<start + entry.compressedSize])
        switch entry.method {
        case 0: return stored
        case 8: return try Self.inflate(stored, expectedSize: entry.uncompressedSize)
        default: throw Failure(description: "\(name) uses compression method \(entry.method)")
        }
    }

    /// The end record (the last 22 bytes plus any comment) points at the central directory.
    private mutating func readCentralDirectory() throws {
        var end = bytes.count - 22
        while end >= 0, try uint32(at: end) != 0x0605_4b50 { end -= 1 }
        guard end >= 0 else { throw Failure(description: "not a zip file: no end of central directory") }
        let count = Int(try uint16(at: end + 10))
        var offset = Int(try uint32(at: end + 16))
        for _ in 0..<count {
            guard try uint32(at: offset) == 0x0201_4b50 else { throw Failure(description: "bad central directory entry") }
            let nameLength = Int(try uint16(at: offset + 28))
            let extraLength = Int(try uint16(at: offset + 30))
            let commentLength = Int(try uint16(at: offset + 32))
            let name = String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
            entries[name] = Entry(
                method: Int(try uint16(at: offset + 10)), compressedSize: Int(try uint32(at: offset + 20)),
                uncompressedSize: Int(try uint32(at: offset + 24)), localHeaderOffset: Int(try uint32(at: offset + 42)))
            entryNames.append(name)
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    private func uint16(at offset: Int) throws -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { throw Failure(description: "truncated zip") }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private func uint32(at offset: Int) throws -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw Failure(description: "truncated zip") }
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    /// Raw deflate (no zlib header), as zip stores it.
    private static func inflate(_ input: [UInt8], expectedSize: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(expectedSize, 1))
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "zlib would not start")
        }
        defer { inflateEnd(&stream) }
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == expectedSize else {
            throw Failure(description: "inflate failed (zlib status \(status))")
        }
        return Array(output.prefix(expectedSize))
    }
}
