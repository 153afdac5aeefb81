/// Percent-encoding for paths and query strings. Kept readable where RFC 3986 allows it
/// (`/`, `,`, `:`, `@` stay as they are), strict where a character would change the meaning.
enum QueryEncoding {
    private static let unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    private static let queryValueSafe = ByteSet(unreserved + ",/:@!$'()*;")
    private static let pathSafe = ByteSet(unreserved + "/:@!$'()*,;=&+")

    static func query(_ parameters: [QueryParameter]) -> String {
        parameters
            .map { encode($0.name, keeping: queryValueSafe) + "=" + encode($0.value, keeping: queryValueSafe) }
            .joined(separator: "&")
    }

    /// A path relative to the base URL; a leading `/` is dropped so it cannot escape the base path.
    static func path(_ path: String) -> String {
        var relative = Substring(path)
        while relative.first == "/" { relative = relative.dropFirst() }
        return encode(String(relative), keeping: pathSafe)
    }

    /// Built as bytes: every request's URL goes through here (a `Set` lookup and a string append
    /// per byte cost 3% of a scan's CPU).
    static func encode(_ text: String, keeping safe: ByteSet) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if safe.contains(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Which ASCII bytes a text may keep as they are, a bit each (no byte above ASCII is kept).
    struct ByteSet {
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        init(_ members: String) {
            for byte in members.utf8 where byte < 128 {
                if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
            }
        }

        func contains(_ byte: UInt8) -> Bool {
            if byte < 64 { return low & (1 << byte) != 0 }
            return byte < 128 && high & (1 << (byte - 64)) != 0
        }
    }
}
