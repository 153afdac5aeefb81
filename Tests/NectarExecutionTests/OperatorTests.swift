import NectarCatalog
@testable import NectarExecution
@testable import NectarPlanning
import NectarSemantics
import NectarSyntax
import Foundation
import Testing

/// Each operator alone, over rows known in advance: no plan, no source, no HTTP.
@Suite("Operators")
struct OperatorTests {
    private let context = EvaluationContext(time: ZonedTime(zone: TimeZone(identifier: "UTC")!), now: 0)

    /// Rows served in batches of two, so every operator meets a batch boundary.
    private func input(_ rows: [[Value]]) -> RowOperator {
        BatchesOperator(stride(from: 0, to: rows.count, by: 2).map { Array(rows[$0..<min($0 + 2, rows.count)]) })
    }

    private func all(_ op: RowOperator) async throws -> [[Value]] { try await op.drain() }

    private let deals: [[Value]] = [
        [.float(1), .text("Ana"), .float(100)],
        [.float(2), .text("Bia"), .null],
        [.float(1), .text("Caio"), .float(50)],
        [.float(3), .null, .float(7)],
        [.float(2), .text("Duda"), .float(25)],
    ]

    @Test("a filter keeps rows whose predicate is true; unknown (NULL) drops them")
    func filter() async throws {
        let predicate = BoundExpression.comparison(.greater, .column(2), .literal(.float(20)))
        let rows = try await all(FilterOperator(input(deals), predicate: predicate, context: context))
        #expect(rows.map { $0[1] } == [.text("Ana"), .text("Caio"), .text("Duda")])
    }

    @Test("group by: groups in order of first appearance; count(*) counts rows, sum and avg skip NULLs")
    func aggregate() async throws {
        let aggregates = [
            AggregateCall(function: .count, argument: nil, distinct: false),
            AggregateCall(function: .sum, argument: .column(2), distinct: false),
            AggregateCall(function: .avg, argument: .column(2), distinct: false),
        ]
        let op = AggregateOperator(input(deals), groupKeys: [.column(0)], aggregates: aggregates, context: context)
        #expect(try await all(op) == [
            [.float(1), .float(2), .float(150), .float(75)],
            [.float(2), .float(2), .float(25), .float(25)],
            [.float(3), .float(1), .float(7), .float(7)],
        ])
    }

    @Test("an aggregate without groups over no rows still answers one row: count 0, sum NULL")
    func aggregateOfNothing() async throws {
        let aggregates = [AggregateCall(function: .count, argument: nil, distinct: false), AggregateCall(function: .sum, argument: .column(0), distinct: false)]
        let op = AggregateOperator(input([]), groupKeys: [], aggregates: aggregates, context: context)
        #expect(try await all(op) == [[.float(0), .null]])
    }

    @Test("sort: descending puts NULLs first unless told otherwise, and equal keys keep their order")
    func sort() async throws {
        let byValueDesc = SortKey(expression: .column(2), descending: true, nullsFirst: true)
        let rows = try await all(SortOperator(input(deals), keys: [byValueDesc], context: context))
        #expect(rows.map { $0[1] } == [.text("Bia"), .text("Ana"), .text("Caio"), .text("Duda"), .null])
        let byGroup = SortKey(expression: .column(0), descending: false, nullsFirst: false)
        let stable = try await all(SortOperator(input(deals), keys: [byGroup], context: context))
        #expect(stable.map { $0[1] } == [.text("Ana"), .text("Caio"), .text("Bia"), .text("Duda"), .null])
    }

    @Test("limit and offset cut across batch boundaries")
    func limit() async throws {
        let rows = try await all(LimitOperator(input(deals), limit: 2, offset: 1))
        #expect(rows.map { $0[1] } == [.text("Bia"), .text("Caio")])
        #expect(try await all(LimitOperator(input(deals), limit: nil, offset: 4)).count == 1)
    }

    @Test("distinct treats 0 and -0 as one value and keeps first appearances")
    func distinct() async throws {
        let rows = try await all(DistinctOperator(input([[.float(0)], [.float(-0.0)], [.text("a")], [.text("a")], [.null], [.null]])))
        #expect(rows.count == 3)
    }

    @Test("a hash join matches equal keys; a left join pads the unmatched with NULLs; NULL keys never match")
    func hashJoin() async throws {
        let clients: [[Value]] = [[.float(1), .text("Loja")], [.float(2), .text("Bar")]]
        let keys = JoinKeys(left: [.column(0)], right: [.column(0)], residual: nil)
        let orders: [[Value]] = [[.float(2)], [.null], [.float(9)], [.float(1)]]
        let inner = HashJoinOperator(left: input(orders), right: input(clients), rightWidth: 2, condition: keys, kind: .inner, context: context)
        #expect(try await all(inner) == [[.float(2), .float(2), .text("Bar")], [.float(1), .float(1), .text("Loja")]])
        let left = HashJoinOperator(left: input(orders), right: input(clients), rightWidth: 2, condition: keys, kind: .left, context: context)
        #expect(try await all(left) == [
            [.float(2), .float(2), .text("Bar")], [.null, .null, .null], [.float(9), .null, .null], [.float(1), .float(1), .text("Loja")],
        ])
    }

    @Test("a projection computes its expressions per row")
    func project() async throws {
        let doubled = BoundExpression.arithmetic(.column(2), [.init(op: .multiply, operand: .literal(.float(2)))])
        let rows = try await all(ProjectOperator(input(deals), expressions: [.column(1), doubled], context: context))
        #expect(rows.first == [.text("Ana"), .float(200)])
        #expect(rows[1] == [.text("Bia"), .null])
    }

    @Test("trim() strips every Unicode space, no-break spaces and line separators too")
    func trimStripsUnicodeSpaces() {
        let padded = BoundExpression.function(.trim, [.literal(.text("\u{00A0}\t Ana Lúcia\u{2028}\u{000B} "))])
        #expect(padded.evaluate([], context) == .text("Ana Lúcia"))
    }
}

/// Hands out the batches it was given, one per call.
final class BatchesOperator: RowOperator {
    private var batches: [[[Value]]]
    init(_ batches: [[[Value]]]) { self.batches = batches }
    func next() async throws -> [[Value]]? { batches.isEmpty ? nil : batches.removeFirst() }
}
