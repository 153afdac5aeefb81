import Foundation
import NectarQL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages for the person: warnings, errors, banners, timers. Unbuffered, so they interleave
/// correctly with the progress line, and always passed through the redactor: the token, and the
/// password of any PostgreSQL URL, never reach the terminal.
enum StandardError {
    nonisolated(unsafe) private static var secret = ""

    /// Remembers the token so that no message can ever print it, whatever produced the text.
    static func redact(_ token: String) {
        secret = token
    }

    /// Another secret to mask (a mirror's password given in its URL).
    static func redactAlso(_ another: String) {
        extra.append(another)
    }

    nonisolated(unsafe) private static var extra: [String] = []

    static func write(_ text: String) {
        let masked = extra.reduce(Redaction.mask(text, secret: secret)) { Redaction.mask($0, secret: $1) }
        let safe = SnapshotLocationRedaction.redact(masked)
        var bytes = Array(safe.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    static func line(_ text: String) {
        write(text + "\n")
    }
}

/// The C `write(2)`, named apart from `StandardError.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Masks a secret wherever it appears in a text.
enum Redaction {
    /// Shorter "tokens" are no real API token, and masking them would garble ordinary words
    /// (a token `x` turned "proxy" into "pro***y").
    static let shortestMasked = 4

    static func mask(_ text: String, secret: String) -> String {
        guard secret.count >= shortestMasked, text.contains(secret) else { return text }
        return text.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "***")
    }
}

/// Whether a standard stream is a terminal (decides the default format, progress and prompts).
enum Terminal {
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether dimmed text may be used: not on a `TERM=dumb` terminal, nor when `NO_COLOR` is set.
    static var allowsStyles: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// The terminal's width in cells, for table mode, or nil when stdout is not a terminal.
    static var outputWidth: Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
