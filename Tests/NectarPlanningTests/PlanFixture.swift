import Foundation
import NectarCatalog
@testable import NectarExecution
@testable import NectarPlanning
import NectarSemantics
import NectarSource
import NectarSyntax
import Testing

/// Parses, binds and plans a statement against the seed's catalog, as the engine does, with no
/// client and no request: planning is a pure function of the statement and what is known of sizes.
enum PlanFixture {
    static let zone = ZonedTime(zone: TimeZone(identifier: "America/Sao_Paulo")!)
    /// 2024-06-01 12:00 in São Paulo: the `now()` every statement here sees.
    static let now: Int64 = 1_717_254_000_000

    static func bind(_ text: String) throws -> BoundQuery {
        guard case .select(let select) = try Parser.parseStatement(text) else { throw FixtureError("not a select: \(text)") }
        let context = EvaluationContext(time: zone, now: now)
        return try SelectBinder(catalog: .nectarCRM, time: zone, evaluateConstant: { $0.evaluate([], context) }).bind(select)
    }

    /// `sizes`: listing sizes already known (path → records), as a remembered session would have them.
    static func plan(
        _ text: String, sizes: [String: Int] = [:], source: any RecordSource = DocumentedAPI(pageSize: 50)
    ) throws -> PlanNode {
        let estimates = CardinalityEstimates(sizes: ListingSizes(remembered: sizes))
        return Planner(catalog: .nectarCRM, estimates: estimates, source: source).plan(try bind(text))
    }

    static func explain(_ text: String, sizes: [String: Int] = [:]) throws -> [String] {
        ExplainPrinter(pageSize: 50).lines(try plan(text, sizes: sizes))
    }

    /// The one scan of a plan over one table.
    static func onlyScan(_ plan: PlanNode) throws -> ScanNode {
        let scans = scans(plan)
        try #require(scans.count == 1)
        return scans[0]
    }

    /// Every scan of a plan, left to right.
    static func scans(_ node: PlanNode) -> [ScanNode] {
        switch node {
        case .values: []
        case .scan(let scan): [scan]
        case .join(let left, let join): scans(left) + [join.right]
        case .filter(let input, _, _), .aggregate(let input, _, _), .sort(let input, _, _), .project(let input, _, _),
            .distinct(let input), .limit(let input, _, _):
            scans(input)
        }
    }

    static func joins(_ node: PlanNode) -> [JoinNode] {
        switch node {
        case .values, .scan: []
        case .join(let left, let join): joins(left) + [join]
        case .filter(let input, _, _), .aggregate(let input, _, _), .sort(let input, _, _), .project(let input, _, _),
            .distinct(let input), .limit(let input, _, _):
            joins(input)
        }
    }

    /// The parameter sets of a scan's listings, without the `attribute=` projection.
    static func listings(_ scan: ScanNode) -> [[String]]? {
        guard case .listings(let sets) = scan.pushdown.access else { return nil }
        return sets.map { $0.map { "\($0.name)=\($0.value)" } }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
