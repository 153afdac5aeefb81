import NectarCatalog
import NectarPlanning
import NectarSyntax

/// `group by` and aggregates: holds one accumulator set per group, then emits one row per group:
/// the group keys followed by the aggregate results, in group order of first appearance.
final class AggregateOperator: RowOperator {
    private let input: RowOperator
    private let groupKeys: [BoundExpression]
    private let aggregates: [AggregateCall]
    private let context: EvaluationContext
    private var finished = false

    init(_ input: RowOperator, groupKeys: [BoundExpression], aggregates: [AggregateCall], context: EvaluationContext) {
        self.input = input
        self.groupKeys = groupKeys
        self.aggregates = aggregates
        self.context = context
    }

    func next() async throws -> [[Value]]? {
        guard !finished else { return nil }
        finished = true
        // Each distinct argument is evaluated once a row: `sum(x), avg(x)` read x once.
        let arguments = aggregates.compactMap(\.argument).reduce(into: [BoundExpression]()) { if !$0.contains($1) { $0.append($1) } }
        let argumentOf = aggregates.map { call in call.argument.flatMap { arguments.firstIndex(of: $0) } }
        var values = [Value](repeating: .null, count: arguments.count)
        var groups: [GroupKey: Int] = [:]
        var keysInOrder: [[Value]] = []
        // One flat array, group by group: group g's aggregate a is at g × aggregates.count + a.
        var accumulators: [Accumulator] = []
        while let batch = try await input.next() {
            for row in batch {
                let key = groupKeys.count == 1
                    ? GroupKey.single(groupKeys[0].evaluate(row, context).groupingKey)
                    : GroupKey.many(groupKeys.map { $0.evaluate(row, context).groupingKey })
                let index: Int
                if let existing = groups[key] {
                    index = existing
                } else {
                    index = keysInOrder.count
                    groups[key] = index
                    keysInOrder.append(key.values)
                    accumulators += aggregates.map(Accumulator.init)
                }
                for argument in arguments.indices { values[argument] = arguments[argument].evaluate(row, context) }
                let first = index * aggregates.count
                for a in aggregates.indices { accumulators[first + a].add(argumentOf[a].map { values[$0] }) }
            }
        }
        // Without `group by`, an empty input still has one group: count(*) = 0.
        if groupKeys.isEmpty, keysInOrder.isEmpty {
            keysInOrder.append([])
            accumulators += aggregates.map(Accumulator.init)
        }
        let rows = keysInOrder.enumerated().map { group, key in
            key + accumulators[group * aggregates.count..<(group + 1) * aggregates.count].map(\.result)
        }
        return rows.isEmpty ? nil : rows
    }
}

/// A group's key values, hashed and compared here rather than as `[Value]`: a single key (the
/// usual `group by status`) needs no array per row, and several are compared element by element
/// without going through Array's conditional Hashable conformance.
private enum GroupKey: Hashable {
    case single(Value)
    case many([Value])

    var values: [Value] {
        switch self {
        case .single(let value): [value]
        case .many(let values): values
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .single(let value): hasher.combine(value)
        case .many(let values): for value in values { hasher.combine(value) }
        }
    }

    static func == (lhs: GroupKey, rhs: GroupKey) -> Bool {
        switch (lhs, rhs) {
        case (.single(let a), .single(let b)): return a == b
        case (.many(let a), .many(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where a[index] != b[index] { return false }
            return true
        default: return false
        }
    }
}

/// The running state of one aggregate in one group.
private struct Accumulator {
    let function: AggregateFunction
    var distinctValues: Set<Value>?
    var count = 0
    var sum = 0.0
    /// Neumaier's compensation: sums of money keep their cents (0.1 + 0.2 stays 0.3).
    var compensation = 0.0
    /// min or max so far, with its collation key when it is text.
    var extreme: SortValue?

    init(_ aggregate: AggregateCall) {
        function = aggregate.function
        distinctValues = aggregate.distinct ? [] : nil
    }

    /// `value` is nil for `count(*)`, where every row counts.
    mutating func add(_ value: Value?) {
        guard let value else {
            count += 1
            return
        }
        if value.isNull { return }
        if distinctValues != nil, distinctValues!.insert(value.groupingKey).inserted == false { return }
        count += 1
        switch function {
        case .sum, .avg: if case .float(let d) = value { addToSum(d) }
        case .min, .max:
            let candidate = SortValue(value)
            guard let current = extreme else { return extreme = candidate }
            let order = candidate.compare(current) ?? 0
            if function == .min ? order < 0 : order > 0 { extreme = candidate }
        case .count: break
        }
    }

    private mutating func addToSum(_ d: Double) {
        let total = sum + d
        compensation += abs(sum) >= abs(d) ? (sum - total) + d : (d - total) + sum
        sum = total
    }

    var result: Value {
        switch function {
        case .count: .float(Double(count))
        case .sum: count == 0 ? .null : .float(sum + compensation)
        case .avg: count == 0 ? .null : .float((sum + compensation) / Double(count))
        case .min, .max: extreme?.value ?? .null
        }
    }
}
