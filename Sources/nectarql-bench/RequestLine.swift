/// Reading the fake API's `METHOD path?query` request lines.
enum RequestLine {
    /// The line without its `page=` parameter: the listing the request paged through.
    static func listing(of line: String) -> String {
        let parts = line.split(separator: "?", maxSplits: 1)
        guard parts.count == 2 else { return line }
        let query = parts[1].split(separator: "&").filter { !$0.hasPrefix("page=") }
        return parts[0] + "?" + query.joined(separator: "&")
    }

    /// The `page=` number of a listing request.
    static func page(of line: String) -> Int? {
        guard let query = line.split(separator: "?", maxSplits: 1).last else { return nil }
        return query.split(separator: "&").first { $0.hasPrefix("page=") }.flatMap { Int($0.dropFirst(5)) }
    }
}
