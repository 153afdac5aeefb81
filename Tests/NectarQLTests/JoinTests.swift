import NectarMock
import NectarQL
import Testing

/// Hash and lookup joins give the relational answer, computed here from the records, with the
/// requests each strategy promises.
@Suite struct JoinTests {
    /// Contacts by id, straight from the dataset.
    static func contactsByID(_ dataset: MockDataset) -> [Double: MockJSON] {
        var byID: [Double: MockJSON] = [:]
        for record in dataset.records(.contatos) { if let id = Expected.float(record, "id") { byID[id] = record } }
        return byID
    }

    @Test("the design example: won deals joined to their contacts")
    func designExample() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select nome, valortotal from oportunidades where status = 2 join contatos on cliente_id")
            let contacts = Self.contactsByID(session.dataset)
            let expected = session.dataset.records(.oportunidades).filter { deal in
                Expected.float(deal, "status") == 2 && Expected.float(deal, "cliente.id").map { contacts[$0] != nil } == true
            }.map { [Expected.value($0, "nome", .text), Expected.value($0, "valorTotal", .float)] }
            #expect(!expected.isEmpty)
            #expect(sortedRows(rows) == sortedRows(expected))
            #expect(session.requests.listings.contains(["status": "2"]))
        }
    }

    @Test("inner and left hash joins over whole tables")
    func hashJoins() async throws {
        try await MockSession.run { session in
            let contacts = Self.contactsByID(session.dataset)
            let tarefas = session.dataset.records(.tarefas)
            let inner = try await session.rows("select t.id, c.nome from tarefas t join contatos c on cliente_id")
            let expectedInner = tarefas.compactMap { task -> [Value]? in
                guard let client = Expected.float(task, "cliente.id"), let contact = contacts[client] else { return nil }
                return [Expected.value(task, "id", .float), Expected.value(contact, "nome", .text)]
            }
            #expect(sortedRows(inner) == sortedRows(expectedInner))
            #expect(session.requests.filter { $0.path.contains("/") && !$0.path.hasSuffix("/") }.isEmpty, "a hash join reads listings only")

            let left = try await session.rows("select t.id, c.nome from tarefas t left join contatos c on cliente_id")
            let expectedLeft = tarefas.map { task -> [Value] in
                let contact = Expected.float(task, "cliente.id").flatMap { contacts[$0] }
                return [Expected.value(task, "id", .float), contact.map { Expected.value($0, "nome", .text) } ?? .null]
            }
            #expect(sortedRows(left) == sortedRows(expectedLeft))
        }
    }

    @Test("a left join keeps rows without a match, with NULLs on the right")
    func leftJoinKeepsUnmatched() async throws {
        try await MockSession.run { session in
            // Contacts without opportunities exist only on the left; the right side is all deals.
            let deals = session.dataset.records(.oportunidades)
            let clients = Set(deals.compactMap { Expected.float($0, "cliente.id") })
            let contatos = session.dataset.records(.contatos)
            let rows = try await session.rows("select c.id, o.id from contatos c left join oportunidades o on cliente_id")
            let expected = Self.leftJoin(contatos, deals)
            #expect(contatos.contains { !clients.contains(Expected.float($0, "id") ?? -1) }, "some contacts have no deal")
            #expect(sortedRows(rows) == sortedRows(expected))
            #expect(rows.contains { $0[1] == .null })
        }
    }

    /// contatos left join oportunidades on cliente_id, as (contact id, deal id) pairs.
    static func leftJoin(_ contatos: [MockJSON], _ deals: [MockJSON]) -> [[Value]] {
        var expected: [[Value]] = []
        for contact in contatos {
            let id = Expected.value(contact, "id", .float)
            let matches = deals.filter { Expected.value($0, "cliente.id", .float) == id }
            if matches.isEmpty { expected.append([id, .null]) }
            for deal in matches { expected.append([id, Expected.value(deal, "id", .float)]) }
        }
        return expected
    }

    @Test("few left keys: a lookup join fetches GET contatos/{id} once per distinct key")
    func lookupJoin() async throws {
        try await MockSession.run { session in
            let deals = session.dataset.records(.oportunidades)
            // Two deals of one client and one of another: two distinct keys.
            let byClient = Dictionary(grouping: deals.filter { Expected.float($0, "cliente.id") != nil }) { Expected.float($0, "cliente.id")! }
            let twice = try #require(byClient.values.first { $0.count >= 2 })
            let other = try #require(byClient.values.first { Expected.float($0[0], "cliente.id") != Expected.float(twice[0], "cliente.id") })
            let picked = [twice[0], twice[1], other[0]]
            let ids = picked.map { String(Int(Expected.float($0, "id")!)) }
            let sql = "select o.id, c.nome from oportunidades o join contatos c on cliente_id where o.id in (\(ids.joined(separator: ", ")))"

            let plan = try await session.explain(sql)
            #expect(plan.contains { $0.contains("Lookup join") })
            #expect(plan.contains { $0.contains("lookups per distinct key") && $0.contains("a whole scan of c") })

            let rows = try await session.rows(sql)
            let contacts = Self.contactsByID(session.dataset)
            let expected = picked.map { [Expected.value($0, "id", .float), Expected.value(contacts[Expected.float($0, "cliente.id")!]!, "nome", .text)] }
            #expect(sortedRows(rows) == sortedRows(expected))
            let requests = session.requests
            #expect(requests.filter { $0.path.hasPrefix("oportunidades/") }.count == 3)
            #expect(requests.filter { $0.path.hasPrefix("contatos/") }.count == 2, "one lookup per distinct key: \(requests)")
            #expect(requests.allSatisfy { !$0.path.hasSuffix("/") }, "no listing at all")
        }
    }

    @Test("a filtered contact joined to its deals: clienteId=X listings instead of a whole scan")
    func filterLookupJoin() async throws {
        try await MockSession.run { session in
            let deals = session.dataset.records(.oportunidades)
            let client = try #require(deals.compactMap { Expected.float($0, "cliente.id") }.first)
            let sql = "select c.nome, o.id from contatos c join oportunidades o on cliente_id where c.id = \(Int(client))"
            let rows = try await session.rows(sql)
            let contact = try #require(Self.contactsByID(session.dataset)[client])
            let expected = deals.filter { Expected.float($0, "cliente.id") == client }
                .map { [Expected.value(contact, "nome", .text), Expected.value($0, "id", .float)] }
            #expect(sortedRows(rows) == sortedRows(expected))
            let requests = session.requests
            #expect(requests.map(\.path).filter { $0.hasPrefix("contatos") } == ["contatos/\(Int(client))"])
            let listings = requests.onPath("oportunidades/").filter(\.isFirstPage).map(\.filters)
            #expect(listings.count == 5)
            #expect(listings.allSatisfy { $0["clienteId"] == String(Int(client)) })
            #expect(Set(listings.compactMap { $0["status"] }) == ["1", "2", "3", "4", "5"])
        }
    }

    @Test("a left lookup join keeps a contact without deals, and a missing contact gives no row")
    func leftFilterLookupJoin() async throws {
        try await MockSession.run { session in
            let deals = session.dataset.records(.oportunidades)
            let clients = Set(deals.compactMap { Expected.float($0, "cliente.id") })
            let contatos = session.dataset.records(.contatos).compactMap { Expected.float($0, "id") }
            let lonely = try #require(contatos.first { !clients.contains($0) })
            let busy = try #require(contatos.first { clients.contains($0) })
            let missing = 999_999_999.0
            let keys = [busy, lonely, missing].map { String(Int($0)) }
            let sql = "select c.id, o.id from contatos c left join oportunidades o on cliente_id where c.id in (\(keys.joined(separator: ", ")))"
            let rows = try await session.rows(sql)
            let expected = [[Value.float(lonely), .null]] + deals.filter { Expected.float($0, "cliente.id") == busy }
                .map { [Value.float(busy), Expected.value($0, "id", .float)] }
            #expect(sortedRows(rows) == sortedRows(expected))
            let requests = session.requests
            #expect(Set(requests.filter { $0.path.hasPrefix("contatos/") }.map(\.path)) == Set(keys.map { "contatos/" + $0 }))
            let listings = requests.onPath("oportunidades/").filter(\.isFirstPage).map(\.filters)
            #expect(listings.count == 10, "five status listings for each contact found: \(listings)")
            #expect(Set(listings.compactMap { $0["clienteId"] }) == Set(keys.prefix(2)))
        }
    }

    @Test("a lookup join still applies the right table's own predicates")
    func lookupJoinWithRightFilter() async throws {
        try await MockSession.run { session in
            let contacts = Self.contactsByID(session.dataset)
            let constanteOf = { (deal: MockJSON) in Expected.float(deal, "cliente.id").flatMap { contacts[$0] }.flatMap { Expected.float($0, "constante") } }
            let all = session.dataset.records(.oportunidades)
            // Two deals whose contact passes the right side's predicate and one whose contact does not.
            let deals = Array(all.filter { [0, 1].contains(constanteOf($0)) }.prefix(2)) + Array(all.filter { constanteOf($0) == 3 }.prefix(1))
            #expect(deals.count == 3)
            let ids = deals.compactMap { Expected.float($0, "id") }.map { String(Int($0)) }.joined(separator: ", ")
            let rows = try await session.rows("select o.id, c.constante from oportunidades o join contatos c on cliente_id where o.id in (\(ids)) and c.constante in (0, 1)")
            let expected = deals.compactMap { deal -> [Value]? in
                guard let contact = Expected.float(deal, "cliente.id").flatMap({ contacts[$0] }),
                    let constante = Expected.float(contact, "constante"), [0, 1].contains(constante) else { return nil }
                return [Expected.value(deal, "id", .float), .float(constante)]
            }
            #expect(expected.count == 2)
            #expect(sortedRows(rows) == sortedRows(expected))
            #expect(session.requests.allSatisfy { !$0.path.hasSuffix("/") }, "lookups only")
        }
    }

    @Test("a child table joined to its parent inherits the parent's pushed filters")
    func childInheritsParentFilters() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select e.enderecos_cep, c.nome from contatos_enderecos e join contatos c on contato_id where c.constante = 2")
            let expected = Expected.elements(session.dataset.records(.contatos), "enderecos")
                .filter { Expected.float($0.parent, "constante") == 2 }
                .map { [Expected.value($0.element, "cep", .text), Expected.value($0.parent, "nome", .text)] }
            #expect(!expected.isEmpty)
            #expect(sortedRows(rows) == sortedRows(expected))
            #expect(session.requests.listings.allSatisfy { $0 == ["constante": "2"] }, "\(session.requests)")
        }
    }

    @Test("a parent joined to its child table reads the endpoint once for both sides")
    func parentAndChildShareOneRead() async throws {
        try await MockSession.run { session in
            let sql = "select c.nome, e.enderecos_cep from contatos c join contatos_enderecos e on e.contato_id = c.id where c.constante = 2 and e.enderecos_principal"
            #expect(try await session.explain(sql).contains { $0.contains("one read serves both sides") })
            let rows = try await session.rows(sql)
            let expected = Expected.elements(session.dataset.records(.contatos), "enderecos")
                .filter { Expected.float($0.parent, "constante") == 2 && Expected.value($0.element, "principal", .boolean) == .boolean(true) }
                .map { [Expected.value($0.parent, "nome", .text), Expected.value($0.element, "cep", .text)] }
            #expect(!expected.isEmpty)
            #expect(sortedRows(rows) == sortedRows(expected))
            let pages = session.requests.onPath("contatos/").compactMap { $0.value("page") }
            #expect(pages.count == Set(pages).count, "every page once: \(session.requests)")
            #expect(session.requests.listings == [["constante": "2"]])
        }
    }

    @Test("a parent left-joined to its child table keeps parents without elements, read once")
    func parentLeftJoinChildReadOnce() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select c.id, e.enderecos_id from contatos c left join contatos_enderecos e on e.contato_id = c.id")
            let expected = session.dataset.records(.contatos).flatMap { contact -> [[Value]] in
                let id = Expected.value(contact, "id", .float)
                let elements = contact["enderecos"]?.elements ?? []
                return elements.isEmpty ? [[id, .null]] : elements.map { [id, Expected.value($0, "id", .float)] }
            }
            #expect(expected.contains { $0[1] == .null }, "some contacts have no address")
            #expect(sortedRows(rows) == sortedRows(expected))
            #expect(session.requests.listings.count == 1, "\(session.requests)")
        }
    }

    @Test("with the cache on, an inner join's pages are not reused by a left join that keeps more rows")
    func innerAndLeftSharedReadsDoNotShareCachedPages() async throws {
        try await MockSession.run(configure: { $0.cacheTTL = .seconds(60) }) { session in
            let inner = try await session.rows("select c.id from contatos c join contatos_enderecos e on e.contato_id = c.id")
            let left = try await session.rows("select c.id from contatos c left join contatos_enderecos e on e.contato_id = c.id")
            let childless = session.dataset.records(.contatos).filter { ($0["enderecos"]?.elements ?? []).isEmpty }
            #expect(!childless.isEmpty)
            #expect(left.count == inner.count + childless.count)
        }
    }

    @Test("a child table joined to its parent, child first: deal items of won deals, read once")
    func childJoinedToParentReadOnce() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows(
                "select p.id, o.nome from oportunidades_produtos p join oportunidades o on p.id_oportunidade = o.id where o.status = 2")
            let expected = Expected.elements(session.dataset.records(.oportunidades), "produtos")
                .filter { Expected.float($0.parent, "status") == 2 }
                .map { [Expected.value($0.element, "id", .float), Expected.value($0.parent, "nome", .text)] }
            #expect(!expected.isEmpty)
            #expect(sortedRows(rows) == sortedRows(expected))
            #expect(session.requests.listings == [["status": "2"]], "\(session.requests)")
        }
    }

    @Test("a few deals joined to their proposals fetch each deal's proposals by its id")
    func dealsJoinedToProposalsByLookup() async throws {
        try await MockSession.run { session in
            let propostas = session.dataset.records(.proposta)
            let deals = Array(Set(propostas.compactMap { Expected.float($0, "oportunidade.id") }).sorted().prefix(3)).map { Int($0) }
            let rows = try await session.rows(
                "select o.id, p.id from oportunidades o join oportunidades_propostas p on p.oportunidade_id = o.id where o.id in (\(deals.map(String.init).joined(separator: ", ")))")
            let expected = propostas.compactMap { proposta -> [Value]? in
                guard let deal = Expected.float(proposta, "oportunidade.id"), deals.contains(Int(deal)) else { return nil }
                return [.float(deal), Expected.value(proposta, "id", .float)]
            }
            #expect(!expected.isEmpty)
            #expect(sortedRows(rows) == sortedRows(expected))
            let paths = session.requests.map(\.path)
            #expect(Set(paths) == Set(deals.flatMap { ["oportunidades/\($0)", "proposta/opportunity/\($0)"] }), "\(paths)")
        }
    }

    @Test("a child table joined to another table: deal items with their product's base price")
    func childJoinedToOtherTable() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select p.id, p.nome, pr.valorbase from oportunidades_produtos p join produtos pr on produto_id")
            var products: [Double: MockJSON] = [:]
            for product in session.dataset.records(.produto) { products[Expected.float(product, "id")!] = product }
            let expected = Expected.elements(session.dataset.records(.oportunidades), "produtos").compactMap { item -> [Value]? in
                guard let product = Expected.float(item.element, "produto.id").flatMap({ products[$0] }) else { return nil }
                return [Expected.value(item.element, "id", .float), Expected.value(item.element, "nome", .text), Expected.value(product, "valorBase", .float)]
            }
            #expect(!expected.isEmpty)
            #expect(sortedRows(rows) == sortedRows(expected))
        }
    }

    @Test("three tables: deals with their contact and their pipeline")
    func threeTables() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows(
                "select o.id, c.nome, p.nome from oportunidades o join contatos c on cliente_id join pipelines p on funilvenda_id where o.status = 2")
            let contacts = Self.contactsByID(session.dataset)
            var pipelines: [Double: MockJSON] = [:]
            for pipeline in session.dataset.records(.pipeline) { pipelines[Expected.float(pipeline, "id")!] = pipeline }
            let expected = session.dataset.records(.oportunidades).compactMap { deal -> [Value]? in
                guard Expected.float(deal, "status") == 2, let contact = Expected.float(deal, "cliente.id").flatMap({ contacts[$0] }),
                    let pipeline = Expected.float(deal, "funilVenda.id").flatMap({ pipelines[$0] }) else { return nil }
                return [Expected.value(deal, "id", .float), Expected.value(contact, "nome", .text), Expected.value(pipeline, "nome", .text)]
            }
            #expect(!expected.isEmpty)
            #expect(sortedRows(rows) == sortedRows(expected))
        }
    }

    @Test("proposals joined to their opportunity through the nested oportunidade.id")
    func proposalsToDeals() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select pr.id, o.nome, o.status from oportunidades_propostas pr join oportunidades o on oportunidade_id where pr.status = 2")
            var deals: [Double: MockJSON] = [:]
            for deal in session.dataset.records(.oportunidades) { deals[Expected.float(deal, "id")!] = deal }
            let expected = session.dataset.records(.proposta).compactMap { proposal -> [Value]? in
                guard Expected.float(proposal, "status") == 2, let deal = Expected.float(proposal, "oportunidade.id").flatMap({ deals[$0] }) else { return nil }
                return [Expected.value(proposal, "id", .float), Expected.value(deal, "nome", .text), Expected.value(deal, "status", .float)]
            }
            #expect(!expected.isEmpty)
            #expect(sortedRows(rows) == sortedRows(expected))
            #expect(session.requests.onPath("proposta/").filter(\.isFirstPage).map(\.filters) == [["status": "2"]])
        }
    }

    @Test("explain shows the chosen strategy and both estimates")
    func explainShowsChoice() async throws {
        try await MockSession.run { session in
            let plan = try await session.explain("select nome, valortotal from oportunidades where status = 2 join contatos on cliente_id")
            #expect(plan.contains { $0.contains("Hash join (inner)") || $0.contains("Lookup join (inner)") })
            let choice = try #require(plan.first { $0.contains("chosen:") })
            #expect(choice.contains("scan") && choice.contains("lookups per"))
            #expect(choice.filter { $0 == "≈" }.count == 2, "both estimates: \(choice)")
            #expect(plan.last?.hasPrefix("Estimated requests in all:") == true)
            #expect(session.server.statistics().requests == 0, "explain sends no request")
        }
    }
}

/// Every parent left-joined to each of its child tables, read once: a parent without elements
/// gives one row whose child columns, the child's copy of the parent id included, are all NULL.
@Suite("Left joins of a parent to its child tables")
struct ChildLeftJoinTests {
    struct Case: CustomStringConvertible, Sendable {
        let parent: String, endpoint: MockEndpoint, child: String, parentID: String, array: String
        var description: String { "\(parent) left join \(child)" }
    }

    static let cases: [Case] = [
        Case(parent: "contatos", endpoint: .contatos, child: "contatos_contatos", parentID: "contato_id", array: "contatos"),
        Case(parent: "contatos", endpoint: .contatos, child: "contatos_enderecos", parentID: "contato_id", array: "enderecos"),
        Case(parent: "contatos", endpoint: .contatos, child: "contatos_contatospai", parentID: "contato_id", array: "contatosPai"),
        Case(parent: "contatos", endpoint: .contatos, child: "contatos_empresasatuais", parentID: "contato_id", array: "empresasAtuais"),
        Case(parent: "compromissos", endpoint: .compromissos, child: "compromissos_participantes", parentID: "compromisso_id", array: "participantes"),
        Case(parent: "pipelines", endpoint: .pipeline, child: "pipelines_sequencias", parentID: "pipeline_id", array: "sequencias"),
        Case(parent: "produtos", endpoint: .produto, child: "produtos_produtos", parentID: "produto_dependente_id", array: "produtos"),
        Case(parent: "oportunidades", endpoint: .oportunidades, child: "oportunidades_produtos", parentID: "id_oportunidade", array: "produtos"),
    ]

    @Test("count of the child's parent id counts elements; 'is null' finds the parents without any", arguments: cases)
    func parentsWithoutElementsHaveNullChildColumns(_ testCase: Case) async throws {
        try await MockSession.run { session in
            let join = "from \(testCase.parent) p left join \(testCase.child) e on e.\(testCase.parentID) = p.id"
            let records = session.dataset.records(testCase.endpoint)
            let elementCount = records.reduce(0) { $0 + ($1[testCase.array]?.elements ?? []).count }
            let childless = records.filter { ($0[testCase.array]?.elements ?? []).isEmpty }.count
            #expect(elementCount > 0)

            let counts = try await session.rows("select count(*), count(e.\(testCase.parentID)) \(join)")
            #expect(counts == [[.float(Double(elementCount + childless)), .float(Double(elementCount))]])
            let without = try await session.rows("select count(*) \(join) where e.\(testCase.parentID) is null")
            #expect(without == [[.float(Double(childless))]])
            #expect(try await session.explain("select p.id \(join)").contains { $0.contains("one read serves both sides") })
        }
    }
}
