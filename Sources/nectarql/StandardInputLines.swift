#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Piped standard input, a line at a time, so a script's statements run as their lines arrive
/// rather than when the input ends.
final class StandardInputLines {
    /// A line that is not UTF-8 text (a query file saved as Latin-1, say): reading stops there,
    /// rather than running statements whose text would be garbled.
    struct NotUTF8: Error, CustomStringConvertible {
        let line: Int
        var description: String {
            "line \(line) of standard input is not UTF-8 text; save the script as UTF-8 and run it again"
        }
    }

    private var buffer: [UInt8] = []
    private var reachedEnd = false
    private var linesRead = 0

    /// The next line with its line break, or the last bytes before the end; nil at the end (or
    /// when Ctrl-C interrupts the wait, which the caller then sees as a pending interrupt).
    func next() throws(NotUTF8) -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                return try take(upTo: newline + 1)
            }
            if reachedEnd { return buffer.isEmpty ? nil : try take(upTo: buffer.count) }
            if !fill() { return nil }
        }
    }

    private func take(upTo end: Int) throws(NotUTF8) -> String {
        // A byte order mark (Windows editors save one) is no part of the first statement.
        let skipped = linesRead == 0 && buffer.starts(with: ScriptText.byteOrderMark) ? ScriptText.byteOrderMark.count : 0
        let bytes = buffer[skipped..<end]
        buffer.removeFirst(end)
        linesRead += 1
        guard let text = String(validating: bytes, as: UTF8.self) else { throw NotUTF8(line: linesRead) }
        return text
    }

    /// Reads what is available; false when an interrupt stopped the wait.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0, errno == EINTR {
                if InterruptSignal.isPending { return false }
                continue
            }
            // The end of the input, or an error reading it: either way nothing more comes.
            reachedEnd = true
            return true
        }
    }
}
