import NectarCatalog
import NectarSource

/// Writes a plan the way an analyst reads it: what runs locally, top down, and at the leaves the
/// HTTP requests each table costs, with the planner's estimates.
package struct ExplainPrinter {
    let pageSize: Int
    /// Where a table's scan reads when not from the API (a snapshot, and how old it is).
    package var sourceLine: ((TableDefinition) -> String)? = nil

    package init(pageSize: Int, sourceLine: ((TableDefinition) -> String)? = nil) {
        self.pageSize = pageSize
        self.sourceLine = sourceLine
    }

    package func lines(_ node: PlanNode) -> [String] {
        var out: [String] = []
        write(node, depth: 0, into: &out)
        out.append("Estimated requests in all: \(requests(node))")
        if sourceLine != nil {
            out.append("Snapshot: the GET lines show the filters the snapshot's SQL queries apply; none is sent unless a table needs a refresh")
        }
        return out
    }

    private func write(_ node: PlanNode, depth: Int, into out: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        switch node {
        case .values: out.append("\(pad)Constant row (no request)")
        case .scan(let scan): writeScan(scan, depth: depth, into: &out)
        case .join(let left, let join):
            writeJoin(join, depth: depth, into: &out)
            write(left, depth: depth + 1, into: &out)
            if case .hash = join.strategy { writeScan(join.right, depth: depth + 1, into: &out) }
        case .filter(let input, _, let text):
            out.append("\(pad)Filter (local): \(text)")
            write(input, depth: depth + 1, into: &out)
        case .aggregate(let input, _, let text):
            out.append("\(pad)Aggregate (local, holds one row per group): \(text)")
            write(input, depth: depth + 1, into: &out)
        case .sort(let input, _, let text):
            out.append("\(pad)Sort (local, holds all rows): \(text)")
            write(input, depth: depth + 1, into: &out)
        case .project(let input, _, let names):
            out.append("\(pad)Project: \(names.joined(separator: ", "))")
            write(input, depth: depth + 1, into: &out)
        case .distinct(let input):
            out.append("\(pad)Distinct (local)")
            write(input, depth: depth + 1, into: &out)
        case .limit(let input, let limit, let offset):
            let text = (limit.map { "limit \($0)" } ?? "no limit") + (offset > 0 ? " offset \(offset)" : "")
            out.append("\(pad)Limit: \(text) (stops fetching once satisfied)")
            write(input, depth: depth + 1, into: &out)
        }
    }

    private func writeJoin(_ join: JoinNode, depth: Int, into out: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        let lookups = join.lookupRequests.map { "≈\($0) requests" } ?? "not possible through the API"
        switch join.strategy {
        case .hash:
            out.append("\(pad)Hash join (\(join.join.kind.rawValue)) on \(join.join.text)")
            out.append("\(pad)  chosen: scan \(join.right.name) whole, ≈\(join.scanRequests) requests; lookups per key: \(lookups)")
        case .lookup(let access):
            out.append("\(pad)Lookup join (\(join.join.kind.rawValue)) on \(join.join.text)")
            out.append("\(pad)  chosen: lookups per distinct key, \(lookups); a whole scan of \(join.right.name): ≈\(join.scanRequests) requests")
            if let sourceLine { out.append("\(pad)  reads: \(sourceLine(join.right.table))") }
            switch access {
            case .path(let lookup): out.append("\(pad)  GET \(lookup.path(for: "{key}")) for each key")
            case .filter(let parameter, let listings):
                for request in join.right.keyedRequests(parameter: parameter, listings: listings, key: "{key}") {
                    out.append("\(pad)  GET \(requestText(request)) for each key")
                }
            }
            if let filter = join.right.filterText { out.append("\(pad)  local filter on \(join.right.name): \(filter)") }
        }
    }

    private func writeScan(_ scan: ScanNode, depth: Int, into out: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        let origin = scan.table.isChild ? " (rows from each \(scan.path) record)" : ""
        out.append("\(pad)Scan \(scan.table.name)\(scan.name == scan.table.name ? "" : " as \(scan.name)")\(origin)")
        if let sourceLine { out.append("\(pad)  reads: \(sourceLine(scan.table))") }
        if let join = scan.servesJoin { out.append("\(pad)  one read serves both sides of the \(join)") }
        switch scan.access {
        case .listings(let requests):
            for request in requests { out.append("\(pad)  GET \(requestText(request))") }
        case .lookups(let paths):
            for path in paths.prefix(10) { out.append("\(pad)  GET \(path)") }
            if paths.count > 10 { out.append("\(pad)  … and \(paths.count - 10) more lookups") }
        }
        for pushed in scan.pushdown.pushed { out.append("\(pad)  pushed to the API: \(pushed)") }
        if let filter = scan.filterText { out.append("\(pad)  local filter (always applied): \(filter)") }
        if let custom = scan.customFieldFilter {
            out.append("\(pad)  custom fields filtered locally only (the API's camposPersonalizados filter is undocumented): \(custom)")
        }
        if let budget = scan.rowBudget { out.append("\(pad)  reads only the pages \(budget) rows need") }
        out.append("\(pad)  estimated: \(scan.estimate.requests) requests, \(scan.estimate.rows) rows")
    }

    private func requestText(_ request: PageRequest) -> String {
        let parameters = request.parameters.map { "\($0.name)=\($0.value)" } + ["displayLength=\(pageSize)", "page=1…"]
        return "\(request.path)?\(parameters.joined(separator: "&"))"
    }

    func requests(_ node: PlanNode) -> Int {
        switch node {
        case .values: return 0
        case .scan(let scan): return scan.rowBudget.map { _ in min(scan.estimate.requests, scanBudgetRequests(scan)) } ?? scan.estimate.requests
        case .join(let left, let join): return requests(left) + join.estimate.requests
        case .filter(let input, _, _), .aggregate(let input, _, _), .sort(let input, _, _), .project(let input, _, _),
            .distinct(let input), .limit(let input, _, _):
            return requests(input)
        }
    }

    private func scanBudgetRequests(_ scan: ScanNode) -> Int {
        max(1, ((scan.rowBudget ?? 0) + pageSize - 1) / pageSize)
    }
}
