/// A networking library's error as a person reads it. The libraries print nested type dumps
/// (`NIOConnectionError(host: …, connectionErrors: [SingleConnectionFailure(…)])`) and source
/// paths of their build; the message gets the cause in words instead.
enum NetworkErrorText {
    /// Marks the libraries print, in order of precedence, and what each means.
    private static let causes: [(marks: [String], words: String)] = [
        (["connection refused", "connectionrefused", "econnrefused", "errno: 111"], "the connection was refused"),
        (["certificate"], "its TLS certificate was not accepted"),
        (["ssl", "tls", "handshake"], "the TLS handshake failed"),
        (["dns", "resolution", "name or service not known", "nodename", "no address"], "the host name could not be resolved"),
        (["no route", "unreachable"], "there is no route to the host"),
        (["reset by peer", "econnreset"], "the connection was reset"),
        (["timed out", "timeout"], "the connection timed out"),
    ]

    static func plain(_ detail: String) -> String {
        let lowered = detail.lowercased()
        for cause in causes where cause.marks.contains(where: lowered.contains) {
            return cause.words
        }
        return "the connection failed"
    }
}
