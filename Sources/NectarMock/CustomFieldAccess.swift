/// Whether the fake account's token may read custom field definitions: a plan without them
/// answers 403, an API without the endpoint 404, and an outage of that endpoint alone 500.
public enum CustomFieldAccess: Sendable, Equatable {
    case available
    case forbidden
    case missing
    case failing

    var refusal: Int? {
        switch self {
        case .available: nil
        case .forbidden: 403
        case .missing: 404
        case .failing: 500
        }
    }
}
