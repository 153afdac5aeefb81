import NectarCatalog
@testable import NectarPlanning
import Testing

/// Which scans carry only the columns a statement reads, and that every expression reading
/// their rows was rewritten to the narrower slots.
@Suite("Compact scan rows, on the plan")
struct ScanRowCompactionTests {
    private let oportunidades = Catalog.nectarCRM.table(named: "oportunidades")!

    /// Every slot the plan's expressions read from scan rows: those up to and including the
    /// first aggregate or projection (above it, rows are that node's output).
    private func reads(_ node: PlanNode) -> (slots: Set<Int>, scanRowsAbove: Bool) {
        func below(_ input: PlanNode, _ expressions: [BoundExpression], passesScanRows: Bool) -> (slots: Set<Int>, scanRowsAbove: Bool) {
            let inner = reads(input)
            guard inner.scanRowsAbove else { return (inner.slots, false) }
            return (expressions.reduce(inner.slots) { $0.union($1.referencedColumns) }, passesScanRows)
        }
        switch node {
        case .values, .join: return ([], false)
        case .scan(let scan): return (scan.localFilter?.referencedColumns ?? [], true)
        case .filter(let input, let predicate, _): return below(input, [predicate], passesScanRows: true)
        case .sort(let input, let keys, _): return below(input, keys.map(\.expression), passesScanRows: true)
        case .distinct(let input), .limit(let input, _, _): return below(input, [], passesScanRows: true)
        case .aggregate(let input, let grouping, _):
            return below(input, grouping.keys + grouping.aggregates.compactMap(\.argument), passesScanRows: false)
        case .project(let input, let expressions, _): return below(input, expressions, passesScanRows: false)
        }
    }

    @Test("a group-by over one table reads rows of the two columns it uses, and its aggregates read them there")
    func groupByReadsTwoColumns() throws {
        let plan = try PlanFixture.plan("select status, count(*), sum(valortotal) from oportunidades group by status")
        let layout = try PlanFixture.onlyScan(plan).flattener.layout
        let status = try #require(layout.slot(ofColumn: oportunidades.columnIndex("status")!))
        let value = try #require(layout.slot(ofColumn: oportunidades.columnIndex("valortotal")!))
        #expect(layout.width == 2)
        guard case .project(.aggregate(_, let grouping, _), _, _) = plan else {
            Issue.record("unexpected plan shape: \(plan)")
            return
        }
        #expect(grouping.keys == [.column(status)])
        #expect(grouping.aggregates.map(\.argument) == [nil, .column(value)])
    }

    @Test("count(*) reads rows of no column at all")
    func countReadsNothing() throws {
        #expect(try PlanFixture.onlyScan(PlanFixture.plan("select count(*) from contatos")).flattener.layout.width == 0)
    }

    @Test("a parent and its child read in one scan keep full rows")
    func sharedReadKeepsFullRows() throws {
        let plan = try PlanFixture.plan("select c.nome, e.enderecos_cep from contatos c join contatos_enderecos e on e.contato_id = c.id")
        let scan = try PlanFixture.onlyScan(plan)
        #expect(scan.servesJoin != nil)
        #expect(scan.flattener.layout.columns == nil)
    }

    @Test("filters, sort keys and outputs on other columns are all carried and rewritten")
    func everyReadColumnIsCarried() throws {
        let plan = try PlanFixture.plan(
            "select nome from oportunidades where valortotal > 10 and lower(responsavel_nome) like 'a%' order by datacriacao desc limit 5")
        let layout = try PlanFixture.onlyScan(plan).flattener.layout
        let names = ["nome", "valortotal", "responsavel_nome", "datacriacao"]
        #expect(layout.columns == names.map { oportunidades.columnIndex($0)! }.sorted())
        #expect(reads(plan).slots == Set(0..<4))
    }

    @Test("joins keep full rows: the right side's columns sit after the left table's width")
    func joinsKeepFullRows() throws {
        let plan = try PlanFixture.plan("select o.nome, c.nome from oportunidades o join contatos c on c.id = o.cliente_id")
        for scan in PlanFixture.scans(plan) {
            #expect(scan.flattener.layout.columns == nil, "\(scan.table.name)")
        }
    }

    @Test("`select *` and child tables keep full rows")
    func fullRowsWhereNeeded() throws {
        #expect(try PlanFixture.onlyScan(PlanFixture.plan("select * from contatos")).flattener.layout.columns == nil)
        #expect(try PlanFixture.onlyScan(PlanFixture.plan("select enderecos_cep from contatos_enderecos")).flattener.layout.columns == nil)
    }

    @Test("having and an order after grouping read the aggregate's output, untouched")
    func aboveTheAggregateIsUntouched() throws {
        let grouped = try PlanFixture.plan(
            "select responsavel_nome, sum(valortotal) as total from oportunidades group by responsavel_nome having sum(valortotal) > 0 order by total desc")
        let unrewritten = try PlanFixture.plan(
            "select responsavel_nome, sum(valortotal) as total, nome from oportunidades group by responsavel_nome, nome having sum(valortotal) > 0 order by total desc")
        #expect(try PlanFixture.onlyScan(grouped).flattener.layout.width == 2)
        #expect(try PlanFixture.onlyScan(unrewritten).flattener.layout.width == 3)
        guard case .project(.sort(.filter(.aggregate, let having, _), let keys, _), _, _) = grouped else {
            Issue.record("unexpected plan shape: \(grouped)")
            return
        }
        #expect(having.referencedColumns == [1], "sum(valortotal) is the aggregate's second output")
        #expect(keys.map(\.expression.referencedColumns) == [[1]])
    }
}
