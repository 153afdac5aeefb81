/// Percent-encoding for paths and query strings. Kept readable where RFC 3986 allows it
/// (`/`, `,`, `:`, `@` stay as they are), strict where a character would change the meaning.
enum QueryEncoding {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    private static let queryValueSafe = unreserved.union(",/:@!$'()*;".utf8)
    private static let pathSafe = unreserved.union("/:@!$'()*,;=&+".utf8)

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

    static func encode(_ text: String, keeping safe: Set<UInt8>) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if safe.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
            }
        }
        return encoded
    }

    private static let hexDigits = "0123456789ABCDEF".map(String.init)
}
