import NectarMock

/// The benchmark's queries, with ids read from the generated data so every lookup finds a record.
enum BenchmarkSuite {
    static func queries(_ facts: DatasetFacts) -> [BenchmarkQuery] {
        [
            fullScan(facts), statusFilter(facts), dateRange(facts), idLookup(facts), designJoin(facts),
            lookupJoin(facts), scanJoin(facts), groupBy(facts), limit(facts), childTable(facts), namePrefix(facts),
            limitPastTheEnd(facts),
        ]
    }

    static func fullScan(_ facts: DatasetFacts) -> BenchmarkQuery {
        BenchmarkQuery(name: "full scan", text: "select * from contatos", budget: facts.contatoScan, isScan: true)
    }

    static func statusFilter(_ facts: DatasetFacts) -> BenchmarkQuery {
        BenchmarkQuery(
            name: "status filter", text: "select id, nome, valortotal from oportunidades where status = 2",
            budget: .listing(records: facts.opportunityCount(status: 2)), isScan: true)
    }

    static func dateRange(_ facts: DatasetFacts) -> BenchmarkQuery {
        let days = facts.middleCreationDays
        let text = "select id, nome, datacriacao from contatos where datacriacao >= '\(isoDate(days.lowerBound))'"
            + " and datacriacao < '\(isoDate(days.upperBound))'"
        return BenchmarkQuery(name: "date range", text: text, budget: .listing(records: facts.contatosCreated(in: days)), isScan: true)
    }

    static func idLookup(_ facts: DatasetFacts) -> BenchmarkQuery {
        let id = facts.contatoIDs[facts.contatoIDs.count / 2]
        return BenchmarkQuery(name: "id lookup", text: "select * from contatos where id = \(id)", budget: .lookups(1), isScan: false)
    }

    /// The example of design.md: few enough won deals' clients that lookups may beat a scan, or not.
    static func designJoin(_ facts: DatasetFacts) -> BenchmarkQuery {
        let won = facts.opportunities.filter { $0.status == 2 }
        let right = RequestBudget.cheaper(.lookups(facts.distinctClientes(of: won)), facts.contatoScan)
        return BenchmarkQuery(
            name: "design join", text: "select nome, valortotal from oportunidades where status = 2 join contatos on cliente_id",
            budget: .listing(records: won.count) + right, isScan: false)
    }

    /// Three deals by id: three lookups on the left, a lookup per client on the right.
    static func lookupJoin(_ facts: DatasetFacts) -> BenchmarkQuery {
        let picked = stride(from: 0, to: facts.opportunities.count, by: max(1, facts.opportunities.count / 3))
            .prefix(3).map { facts.opportunities[$0] }
        let ids = picked.map { String($0.id) }.joined(separator: ", ")
        let left = RequestBudget.cheaper(.lookups(picked.count), facts.opportunityFanOut)
        let right = RequestBudget.cheaper(.lookups(facts.distinctClientes(of: picked)), facts.contatoScan)
        return BenchmarkQuery(
            name: "join, lookups win",
            text: "select o.nome, o.valortotal, c.nome from oportunidades o join contatos c on o.cliente_id = c.id where o.id in (\(ids))",
            budget: left + right, isScan: false)
    }

    /// Every task's client: more distinct clients than pages of contatos, so reading contatos whole wins.
    static func scanJoin(_ facts: DatasetFacts) -> BenchmarkQuery {
        let right = RequestBudget.cheaper(.lookups(facts.distinctTarefaClientes), facts.contatoScan)
        return BenchmarkQuery(
            name: "join, scan wins", text: "select t.titulo, c.nome from tarefas t join contatos c on t.cliente_id = c.id",
            budget: .listing(records: facts.tarefaCount) + right, isScan: false)
    }

    static let groupByText = "select status, count(*), sum(valortotal), avg(valortotal) from oportunidades group by status"

    static func groupBy(_ facts: DatasetFacts) -> BenchmarkQuery {
        BenchmarkQuery(name: "group by", text: groupByText, budget: facts.opportunityFanOut, isScan: true)
    }

    /// Five rows fit in the first page.
    static func limit(_ facts: DatasetFacts) -> BenchmarkQuery {
        BenchmarkQuery(name: "limit 5", text: "select * from contatos limit 5", budget: RequestBudget(minimum: 1, listings: 1), isScan: false)
    }

    /// A `limit` above the table's size reads the whole listing, its empty last page included.
    static func limitPastTheEnd(_ facts: DatasetFacts) -> BenchmarkQuery {
        BenchmarkQuery(
            name: "limit past the end", text: "select id, titulo from tarefas limit \(facts.tarefaCount + 1)",
            budget: .listing(records: facts.tarefaCount), isScan: true)
    }

    /// A name search: `nome=` narrows each status's listing to a page or so.
    static func namePrefix(_ facts: DatasetFacts) -> BenchmarkQuery {
        let word = facts.opportunityNameWord
        return BenchmarkQuery(
            name: "name prefix", text: "select id, nome, status from oportunidades where nome like '\(word)%'",
            budget: facts.opportunityFanOut(namePrefix: word), isScan: false)
    }

    /// Addresses come inside the contatos listing, so the minimum is a scan of contatos.
    static func childTable(_ facts: DatasetFacts) -> BenchmarkQuery {
        BenchmarkQuery(name: "child table", text: "select * from contatos_enderecos", budget: facts.contatoScan, isScan: true)
    }

    /// `yyyy-MM-dd` of a day number, as a date literal in a query.
    static func isoDate(_ day: Int) -> String {
        let parts = MockTimestamp.filterText(ofDay: day).split(separator: "/")
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }
}
