#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a file descriptor (standard output, or a file for `.output` / `.once`).
///
/// Bytes are gathered up to `bufferLimit` and written with `write(2)`; writers flush after
/// every batch, so a streamed result appears as it arrives.
public final class FileHandleSink: ByteCountingSink {
    private let descriptor: Int32
    private let closesOnDeinit: Bool
    private var buffer: [UInt8] = []
    private let bufferLimit = 64 * 1024
    /// Counted from the descriptor's position when the sink was made (a file opened to append
    /// already has content).
    public private(set) var bytesWritten: Int
    /// Asked before each `bufferLimit` bytes go out: true stops the write with
    /// `OutputError.stopped`, so a whole table written at once (22 MB to a slow terminal)
    /// still ends soon after Ctrl-C.
    public var stopsWhen: (() -> Bool)?

    /// Wraps an open descriptor; it is closed when the sink goes away only if `closesOnDeinit`.
    public init(descriptor: Int32, closesOnDeinit: Bool = false) {
        self.descriptor = descriptor
        self.closesOnDeinit = closesOnDeinit
        self.bytesWritten = existingContentLength(descriptor)
        buffer.reserveCapacity(bufferLimit)
    }

    public static func standardOutput() -> FileHandleSink {
        FileHandleSink(descriptor: STDOUT_FILENO)
    }

    public static func standardError() -> FileHandleSink {
        FileHandleSink(descriptor: STDERR_FILENO)
    }

    /// Opens (creating it if needed) the file at `path`, replacing its contents unless `append`.
    public convenience init(path: String, append: Bool = false) throws {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        self.init(descriptor: fd, closesOnDeinit: true)
    }

    deinit {
        try? flush()
        if closesOnDeinit { close(descriptor) }
    }

    public func write(_ bytes: [UInt8]) throws {
        bytesWritten += bytes.count
        if buffer.count + bytes.count > bufferLimit { try flush() }
        if bytes.count > bufferLimit {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try writeAll(buffer)
    }

    /// Loops over short writes and interrupted calls until every byte is out, or a stop is asked.
    private func writeAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                if stopsWhen?() == true { throw OutputError.stopped }
                let written = posixWrite(descriptor, raw.baseAddress! + offset, min(bufferLimit, raw.count - offset))
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw OutputError.readerClosed }
                    throw OutputError.writeFailed(reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}

/// The C `write(2)`, named apart from the sink's own `write` methods.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// How much a regular file already holds before our writes land: its size when writes append,
/// else the current position. Pipes and terminals start empty.
private func existingContentLength(_ descriptor: Int32) -> Int {
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return 0 }
    if fcntl(descriptor, F_GETFL) & O_APPEND != 0 { return Int(status.st_size) }
    return max(0, Int(lseek(descriptor, 0, SEEK_CUR)))
}
