#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the script of `-f` and `.read`: any readable file, including `/dev/stdin` and the
/// pipes of process substitution (`-f <(…)`), which have no size to ask for up front.
enum ScriptFile {
    /// Why a script file could not be used; each says which of the usual causes it was.
    enum Failure: Error, CustomStringConvertible {
        case missing(path: String)
        case directory(path: String)
        case notUTF8(path: String, line: Int)
        case unreadable(path: String, reason: String)

        var description: String {
            switch self {
            case .missing(let path): "cannot read '\(path)': there is no such file; check the path"
            case .directory(let path): "cannot read '\(path)': it is a directory; name a script file inside it"
            case .notUTF8(let path, let line):
                "cannot read '\(path)': line \(line) is not UTF-8 text; save the script as UTF-8 and run it again"
            case .unreadable(let path, let reason): "cannot read '\(path)': \(reason); check its permissions"
            }
        }
    }

    /// The file's text, without a leading byte order mark.
    static func read(_ path: String) throws(Failure) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw openFailure(path, errno) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw .directory(path: path) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = systemRead(descriptor, &chunk, chunk.count)
            if count > 0 {
                bytes.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw openFailure(path, errno)
            }
        }
        return try ScriptText.decode(bytes) { line throws(Failure) in throw .notUTF8(path: path, line: line) }
    }

    private static func openFailure(_ path: String, _ number: Int32) -> Failure {
        switch number {
        case ENOENT: .missing(path: path)
        case EISDIR: .directory(path: path)
        default: .unreadable(path: path, reason: String(cString: strerror(number)))
        }
    }
}

/// The C `read(2)`, named apart from `ScriptFile.read`.
private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, bytes, count)
}

/// Script bytes as text: a UTF-8 byte order mark (what Windows editors save) is skipped, and
/// text that is not UTF-8 is refused by line rather than run garbled.
enum ScriptText {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func decode<Failure: Error>(
        _ bytes: [UInt8], notUTF8: (_ line: Int) throws(Failure) -> Never
    ) throws(Failure) -> String {
        let body = bytes.starts(with: byteOrderMark) ? bytes[byteOrderMark.count...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        var line = 1
        for piece in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { break }
            line += 1
        }
        try notUTF8(line)
    }
}
