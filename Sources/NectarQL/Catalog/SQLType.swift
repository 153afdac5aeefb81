/// The seed's four column types.
public enum SQLType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case float, text, boolean, timestamp

    public var description: String { rawValue }
}
