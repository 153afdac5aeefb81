/// Why a JSON body could not be read, and where.
package struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// The body ended in the middle of a value: usually a cut connection, worth retrying.
        case truncated
        case unexpectedByte(UInt8)
        case invalidEscape
        case invalidUnicodeEscape
        case invalidUTF8
        case controlCharacterInString
        case invalidNumber
        case tooDeep(limit: Int)
        case trailingContent
        /// The body is valid JSON of the wrong shape (e.g. an object where a page array belongs).
        case unexpectedShape(String)
    }

    package let kind: Kind
    /// Byte offset into the body where the problem was found.
    package let offset: Int

    package init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    package var isTruncated: Bool { kind == .truncated }

    package var description: String {
        let what: String
        switch kind {
        case .truncated: what = "the body ends in the middle of a value (incomplete response; retry)"
        case .unexpectedByte(let byte): what = "unexpected byte 0x\(String(byte, radix: 16)) (\(printable(byte)))"
        case .invalidEscape: what = "invalid escape sequence in a string"
        case .invalidUnicodeEscape: what = "invalid \\u escape (bad hex digits or an unpaired surrogate)"
        case .invalidUTF8: what = "a string is not valid UTF-8"
        case .controlCharacterInString: what = "unescaped control character in a string"
        case .invalidNumber: what = "malformed number"
        case .tooDeep(let limit): what = "nesting deeper than \(limit) levels"
        case .trailingContent: what = "extra content after the JSON value"
        case .unexpectedShape(let expectation): what = expectation
        }
        return "invalid JSON at byte \(offset): \(what)"
    }

    private func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "non-printable"
    }
}
