/// Collects output in memory, for tests and for programs that embed the engine.
public final class StringSink: ByteCountingSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// The output so far, decoded as UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func write(_ bytes: [UInt8]) throws {
        self.bytes.append(contentsOf: bytes)
    }

    public func write(_ text: String) throws {
        bytes.append(contentsOf: text.utf8)
    }

    public var bytesWritten: Int { bytes.count }

    public func flush() throws {}

    /// Forgets what was written, so one sink can serve several statements.
    public func reset() {
        bytes.removeAll(keepingCapacity: true)
    }
}
