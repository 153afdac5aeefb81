/// One cell: the seed's four types plus NULL.
///
/// Timestamps are milliseconds since the Unix epoch (UTC); the session time zone is applied
/// only when a value is shown, so comparisons never depend on where the shell runs.
public enum Value: Sendable, Hashable {
    case null
    case float(Double)
    case text(String)
    case boolean(Bool)
    case timestamp(Int64)

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value's type, or nil for NULL (which belongs to every type).
    public var type: SQLType? {
        switch self {
        case .null: nil
        case .float: .float
        case .text: .text
        case .boolean: .boolean
        case .timestamp: .timestamp
        }
    }
}
