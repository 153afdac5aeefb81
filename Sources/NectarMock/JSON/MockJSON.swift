/// A JSON value that keeps the order of object keys, so the fake API answers with the same bytes
/// for the same seed (a dictionary would reorder keys from run to run). Not `indirect`: arrays
/// already box their elements, and inline scalars keep a scale-20 dataset smaller.
public enum MockJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([MockJSON])
    case object([Member])

    /// One key of an object, in the order it is written.
    public struct Member: Sendable, Hashable {
        public let key: String
        public let value: MockJSON

        public init(_ key: String, _ value: MockJSON) {
            self.key = key
            self.value = value
        }
    }

    /// The value under `key` when this is an object that has it (exact, case-sensitive match, as on the API).
    public subscript(key: String) -> MockJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value at a path of keys; `nil` as soon as a step is missing or not an object.
    public subscript(path path: [String]) -> MockJSON? {
        var current: MockJSON? = self
        for key in path { current = current?[key] }
        return current
    }

    public var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var elements: [MockJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// A number, also when the API sent it as a string ("1234.5") as some records do.
    public var doubleValue: Double? {
        switch self {
        case .number(let number): return number
        case .string(let text): return Double(text)
        default: return nil
        }
    }

    public var intValue: Int? {
        guard let number = doubleValue, number.rounded() == number, abs(number) < 9e15 else { return nil }
        return Int(number)
    }

    public var isNull: Bool { self == .null }

    /// The object with only the members whose key is in `keys` (the API's `attribute=` projection).
    public func projected(onto keys: Set<String>) -> MockJSON {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { keys.contains($0.key) })
    }

    /// The object with `value` under `key`, replacing an existing member in place or appending.
    public func setting(_ key: String, to value: MockJSON) -> MockJSON {
        guard case .object(var members) = self else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index] = Member(key, value)
        } else {
            members.append(Member(key, value))
        }
        return .object(members)
    }

    /// The object without the member under `key`.
    public func removing(_ key: String) -> MockJSON {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }
}

extension MockJSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: MockJSON...) { self = .array(elements) }
    /// Keeps the literal's order.
    public init(dictionaryLiteral elements: (String, MockJSON)...) {
        self = .object(elements.map { Member($0.0, $0.1) })
    }
}

extension MockJSON {
    public static func int(_ value: Int) -> MockJSON { .number(Double(value)) }
    /// `nil` becomes JSON `null`.
    public static func optional(_ value: String?) -> MockJSON { value.map(MockJSON.string) ?? .null }
}
