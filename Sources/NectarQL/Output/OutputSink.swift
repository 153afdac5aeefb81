/// Where a writer's bytes go: a terminal, a file or memory.
public protocol OutputSink: AnyObject {
    func write(_ bytes: [UInt8]) throws
    func write(_ text: String) throws
    /// Pushes anything buffered to its destination.
    func flush() throws
}

extension OutputSink {
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }
}

/// A sink that knows how much it has received, so a writer can tell the start of a file
/// (where the spreadsheet CSV's byte order mark belongs) from a later statement's output.
public protocol ByteCountingSink: OutputSink {
    var bytesWritten: Int { get }
}
