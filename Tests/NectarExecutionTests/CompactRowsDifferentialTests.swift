import Foundation
import NectarCatalog
@testable import NectarExecution
import NectarMock
@testable import NectarPlanning
import NectarSemantics
import NectarSource
import NectarSyntax
import Testing

/// The same statements run twice over the same generated account: once as planned (scans over
/// one table carry only the columns read, and the expressions above are rewritten for them),
/// once with every row at its table's width. The answers must be identical, row for row.
@Suite("Compact scan rows give the answers full rows give")
struct CompactRowsDifferentialTests {
    private static let dataset = MockDataset(seed: 3, scale: 0.2)

    /// Ids of three contatos, and one no record has: read by lookups, not listings.
    private static var lookupStatement: String {
        let ids = dataset.records(.contatos).prefix(3).compactMap { record -> String? in
            if case .number(let id) = record[path: ["id"]] { return String(Int(id)) }
            return nil
        }
        return "select nome, email from contatos where id in (\((ids + ["999999999"]).joined(separator: ", "))) order by nome"
    }

    private static let statements = [lookupStatement, "select nome, email from contatos limit 5",
        "select status, count(*), sum(valortotal), avg(valortotal) from oportunidades group by status",
        "select nome, valortotal from oportunidades where responsavel_nome like 'A%' order by datacriacao desc, id limit 7",
        "select responsavel_nome, max(valortotal) as top, count(distinct cliente_id) from oportunidades "
            + "group by responsavel_nome having count(*) > 1 order by top desc, responsavel_nome",
        "select upper(nome) || ' / ' || coalesce(temperatura, '-') from oportunidades where valortotal > 100 and status in (1, 2, 3)",
        "select case when valortotal > 1000 then 'grande' else 'pequena' end as porte, count(*) from oportunidades group by porte",
        "select distinct etapa from oportunidades where probabilidade is not null order by etapa",
        "select nome from oportunidades order by valortotal desc nulls last, nome limit 5 offset 3",
        "select count(*) from oportunidades",
        "select count(*) from contatos where empresa and nome not like '%a%'",
        "select nome, email from contatos where datacriacao >= cast('2020-01-01' as timestamp) order by nome limit 10",
        "select date_trunc('month', datacriacao) as mes, count(*) from contatos group by mes order by mes",
        "select titulo, prioridade from tarefas where titulo is not null and prioridade >= 0 order by datalimite, id",
        "select assunto from compromissos where diainteiro order by datainicio desc, id limit 4",
        "select codigo, etapa from qualificacoes where cliente_nome is not null order by codigo",
        "select * from tarefas where responsavel_nome is not null order by id",
        "select contato_id, count(*) from contatos_enderecos group by contato_id order by 2 desc, 1 limit 5",
    ]

    private let context = EvaluationContext(time: ZonedTime(zone: TimeZone(identifier: "America/Sao_Paulo")!), now: 1_717_254_000_000)

    /// Every listing of a small generated account, as JSON records by path.
    private static let source: [String: [String]] = {
        Dictionary(uniqueKeysWithValues: MockEndpoint.allCases.map { endpoint in
            (endpoint.rawValue + "/", Self.dataset.records(endpoint).map { String(decoding: $0.encoded(), as: UTF8.self) })
        })
    }()

    @Test("each statement, compact and full", arguments: statements)
    func sameAnswer(_ statement: String) async throws {
        let query = try bind(statement)
        let compact = try await run(planner.plan(query))
        let full = try await run(planner.planWithFullRows(query))
        #expect(compact == full)
        #expect(!full.isEmpty)
    }

    @Test("most of these statements do read compact rows")
    func compactionHappens() throws {
        let compacted = try Self.statements.filter { statement in
            Self.scans(planner.plan(try bind(statement))).contains { $0.flattener.layout.columns != nil }
        }
        #expect(compacted.count == Self.statements.count - 2, "only `select *` and the child table keep full rows")
    }

    private let planner = Planner(
        catalog: .nectarCRM, estimates: CardinalityEstimates(sizes: ListingSizes(remembered: [:])), source: DocumentedAPI(pageSize: 50))

    private func bind(_ statement: String) throws -> BoundQuery {
        guard case .select(let select) = try Parser.parseStatement(statement) else { throw CancellationError() }
        return try SelectBinder(catalog: .nectarCRM, time: context.time, evaluateConstant: { $0.evaluate([], context) }).bind(select)
    }

    private func run(_ plan: PlanNode) async throws -> [[Value]] {
        let fetcher = InMemorySource(pageSize: 50, records: Self.source)
        return try await PlanExecutor(fetcher: fetcher, context: context, recorder: ScanRecorder()).build(plan).drain()
    }

    private static func scans(_ node: PlanNode) -> [ScanNode] {
        switch node {
        case .values, .join: []
        case .scan(let scan): [scan]
        case .filter(let input, _, _), .aggregate(let input, _, _), .sort(let input, _, _), .project(let input, _, _),
            .distinct(let input), .limit(let input, _, _):
            scans(input)
        }
    }
}
