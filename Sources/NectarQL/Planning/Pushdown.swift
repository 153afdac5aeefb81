import Foundation
import NectarCatalog
import NectarSemantics
import NectarSource

/// What the API will be asked for one table: listings (one per fan-out value) or lookups by key,
/// and which predicates went into those requests. The predicates all still run locally.
struct Pushdown: Sendable, Hashable {
    enum Access: Sendable, Hashable {
        /// One listing per parameter set; the engine merges them.
        case listings([[QueryParameter]])
        /// `GET endpoint/{key}` per key.
        case lookups(KeyLookup, [String])
    }

    var access: Access
    /// `status = 2 → status=2`, for explain.
    var pushed: [String]
}

/// Finds, among the conjuncts over one endpoint's record table, those the endpoint documents a
/// filter for, and turns them into query parameters. Driven entirely by the catalog's data.
struct PushdownAnalyzer {
    /// The table whose records the endpoint lists (for a child table: its parent).
    let table: TableDefinition
    /// Which of the endpoint's filters and lookups the source takes.
    let source: any RecordSource

    /// The planner weighs the alternatives: `allowLookups: false` asks for listings even when the
    /// ids are known (many ids cost more as lookups than as a scan), and `allowFanOut: false` leaves
    /// an `in` on a one-value filter to the local filter (a hundred client ids would otherwise be a
    /// hundred listings, five hundred with the oportunidades status scope).
    func analyze(_ conjuncts: [BoundExpression], allowLookups: Bool = true, allowFanOut: Bool = true) -> Pushdown {
        var constraints = ColumnConstraints()
        for conjunct in conjuncts { constraints.add(conjunct) }
        if let slot = constraints.values.first(where: { $0.value.values.isEmpty })?.key {
            // `status = 2 and status = 3`: no record can match, so nothing is worth asking for.
            return Pushdown(access: .listings([]), pushed: ["\(table.columns[slot].name) has no value that meets every condition → no request"])
        }
        if allowLookups, let (lookup, keys, texts) = keyLookup(constraints) {
            return Pushdown(
                access: .lookups(lookup, texts), pushed: ["\(lookup.column) \(keys.predicateText) → GET \(lookup.pathTemplate)"])
        }
        var shared: [QueryParameter] = []
        var fanOuts: [[QueryParameter]] = []
        var pushed: [String] = []
        for filter in source.filters(of: table.endpoint) {
            guard let slot = table.columnIndex(filter.column) else { continue }
            let parameters = ParameterBuilder(filter: filter, constraints: constraints, slot: slot)
            if allowFanOut, let fanOut = parameters.fanOut() {
                fanOuts.append(fanOut.parameters)
                pushed.append("\(filter.column) \(fanOut.text)")
            } else if let single = parameters.shared() {
                shared += single.parameters
                pushed.append("\(filter.column) \(single.text)")
            }
        }
        if let scope = table.endpoint.requiredScope, !fanOuts.contains(where: { $0.first?.name == scope.parameter }),
            !shared.contains(where: { $0.name == scope.parameter }) {
            fanOuts.append(scope.values.map { QueryParameter(scope.parameter, String($0)) })
        }
        let combinations = fanOuts.reduce([[QueryParameter]]([[]])) { sets, choices in
            sets.flatMap { set in choices.map { set + [$0] } }
        }
        return Pushdown(access: .listings(combinations.map { $0 + shared }), pushed: pushed)
    }

    /// The first of the endpoint's lookups (the catalog lists `id` first) whose column the
    /// conjuncts pin to known whole numbers, with those values.
    private func keyLookup(_ constraints: ColumnConstraints) -> (KeyLookup, ColumnConstraints.Values, [String])? {
        for lookup in source.lookups(of: table.endpoint) {
            guard let slot = table.columnIndex(lookup.column), let keys = constraints.values[slot],
                let texts = keys.allIntegralTexts
            else { continue }
            return (lookup, keys, texts)
        }
        return nil
    }

}

/// The literal constraints the conjuncts put on each column, by slot.
struct ColumnConstraints {
    struct Values {
        var values: [Value]
        var predicateText: String { values.count == 1 ? "= \(values[0].literalText)" : "in (\(values.map(\.literalText).joined(separator: ", ")))" }
        /// The values as the API writes ids and codes (`2`, not `2.0`), if all are whole numbers.
        var allIntegralTexts: [String]? {
            let texts = values.compactMap(\.integralText)
            return texts.count == values.count && !texts.isEmpty ? texts : nil
        }
    }

    var values: [Int: Values] = [:]
    var lowerBounds: [Int: Int64] = [:]
    var upperBounds: [Int: Int64] = [:]
    /// `nome = 'x'` (exact) or `nome like 'x%'` (prefix).
    var names: [Int: (text: String, exact: Bool)] = [:]

    mutating func add(_ conjunct: BoundExpression) {
        switch conjunct {
        case .comparison(let op, .column(let slot), .literal(let value)): add(op, slot, value)
        case .comparison(let op, .literal(let value), .column(let slot)): add(op.flipped, slot, value)
        case .inSet(.column(let slot), let set, negated: false): restrict(slot, to: set.values)
        case .between(.column(let slot), .literal(let low), .literal(let high), negated: false):
            add(.greaterOrEqual, slot, low)
            add(.lessOrEqual, slot, high)
        case .like(.column(let slot), .literal(.text(let pattern)), caseInsensitive: false, negated: false):
            let (prefix, isPrefixPattern) = LikePattern.prefix(of: pattern)
            if isPrefixPattern, !prefix.isEmpty, names[slot] == nil { names[slot] = (prefix, false) }
        case .or:
            // `status = 2 or status = 3` is `status in (2, 3)`.
            if let (slot, literals) = Self.equalities(conjunct) { restrict(slot, to: literals) }
        default: break
        }
    }

    private mutating func add(_ op: ComparisonOperator, _ slot: Int, _ value: Value) {
        guard !value.isNull else { return }
        switch (op, value) {
        case (.equal, .text(let text)):
            restrict(slot, to: [value])
            names[slot] = (text, true)
        case (.equal, _):
            restrict(slot, to: [value])
            if case .timestamp(let ms) = value {
                lowerBounds[slot] = max(lowerBounds[slot] ?? .min, ms)
                upperBounds[slot] = min(upperBounds[slot] ?? .max, ms)
            }
        case (.greater, .timestamp(let ms)), (.greaterOrEqual, .timestamp(let ms)):
            lowerBounds[slot] = max(lowerBounds[slot] ?? .min, ms)
        case (.less, .timestamp(let ms)), (.lessOrEqual, .timestamp(let ms)):
            upperBounds[slot] = min(upperBounds[slot] ?? .max, ms)
        default: break
        }
    }

    /// Two constraints on one column keep only the values both allow (in linear time: an `in`
    /// list may hold 100,000 ids).
    private mutating func restrict(_ slot: Int, to candidates: [Value]) {
        var seen = Set<Value>()
        var unique = candidates.filter { seen.insert($0).inserted }
        if let existing = values[slot] {
            let allowed = Set(existing.values)
            unique = unique.filter { allowed.contains($0) }
        }
        values[slot] = Values(values: unique)
    }

    private static func equalities(_ expression: BoundExpression) -> (Int, [Value])? {
        switch expression {
        case .comparison(.equal, .column(let slot), .literal(let value)), .comparison(.equal, .literal(let value), .column(let slot)):
            return value.isNull ? nil : (slot, [value])
        case .or(let parts):
            var slot: Int?
            var literals: [Value] = []
            for part in parts {
                guard let (partSlot, values) = equalities(part), slot == nil || slot == partSlot else { return nil }
                slot = partSlot
                literals += values
            }
            return slot.map { ($0, literals) }
        default: return nil
        }
    }
}

extension Value {
    /// `2` for 2.0; nil for fractions and other types (no id or code is fractional).
    package var integralText: String? {
        guard case .float(let d) = self, d.rounded() == d, Swift.abs(d) < 1e15 else { return nil }
        return String(Int64(d))
    }

    /// How the value is written in a query, for explain.
    var literalText: String {
        switch self {
        case .null: "null"
        case .float(let d): integralText ?? String(d)
        case .text(let s): "'\(s.replacingOccurrences(of: "'", with: "''"))'"
        case .boolean(let b): b ? "true" : "false"
        case .timestamp(let ms): "'\(ValueFormatter.iso8601(ms, timeZone: TimeZone(identifier: "UTC")!))'"
        }
    }
}
