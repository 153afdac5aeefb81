/// One request as the router sees it: the path split from the decoded query parameters.
struct MockRequest: Sendable {
    let method: String
    /// The raw request target, `path?query`.
    let target: String
    let path: String
    /// Query parameters in order, percent-decoded; repeated names (`attribute=`) keep every value.
    let query: [(name: String, value: String)]
    let accessToken: String?

    init(method: String, target: String, accessToken: String?) {
        self.method = method
        self.target = target
        self.accessToken = accessToken
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        query = parts.count > 1 ? Self.parseQuery(String(parts[1])) : []
    }

    func value(_ name: String) -> String? { query.first { $0.name == name }?.value }

    func values(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }

    static func parseQuery(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (percentDecoded(halves[0]), halves.count > 1 ? percentDecoded(halves[1]) : "")
        }
    }

    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A response before it is written: status, extra headers and the JSON body.
struct MockResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8]

    static func json(_ status: Int, _ value: MockJSON) -> MockResponse {
        MockResponse(status: status, body: value.encoded())
    }

    /// The API's error shape: a status and a message naming the problem.
    static func error(_ status: Int, _ message: String) -> MockResponse {
        json(status, ["status": .int(status), "message": .string(message)])
    }
}
