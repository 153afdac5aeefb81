import NectarQL

/// An output sink that counts bytes and keeps none, so a writer's cost can be measured without a disk.
final class DiscardingSink: ByteCountingSink {
    private(set) var bytesWritten = 0

    func write(_ bytes: [UInt8]) throws { bytesWritten += bytes.count }
    func write(_ text: String) throws { bytesWritten += text.utf8.count }
    func flush() throws {}
}
