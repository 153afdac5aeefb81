/// A statement needed the API in a session started without a token (one that reads only a
/// snapshot): no request is sent, and the message says how to give one.
public struct MissingTokenError: Error, Sendable, CustomStringConvertible {
    public let description =
        "no NectarCRM API token: this session reads only the snapshot; to query the API or refresh the snapshot, "
        + "set NECTAR_API_TOKEN (or --token-file) and start again"
}
