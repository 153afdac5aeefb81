import Foundation
import NectarMock
import NectarQL
import Testing

/// Each documented filter reaches the request as the API expects it, and the answer is still exactly
/// what the predicate says (every predicate also runs locally).
@Suite struct PushdownTests {
    @Test("status, constante and type: equality is one listing, in is one listing per value")
    func equalityCodes() async throws {
        try await MockSession.run { session in
            let contatos = session.dataset.records(.contatos)
            let leads = try await session.rows("select id from contatos where constante = 3")
            #expect(leads.count == contatos.filter { Expected.float($0, "constante") == 3 }.count)
            #expect(session.requests.listings == [["constante": "3"]])

            let some = try await session.rows("select id from contatos where constante in (0, 5)")
            #expect(some.count == contatos.filter { [0, 5].contains(Expected.float($0, "constante")) }.count)
            #expect(Set(session.requests.listings) == [["constante": "0"], ["constante": "5"]])

            let pipelines = session.dataset.records(.pipeline)
            let sales = try await session.rows("select id from pipelines where tipo = 0")
            #expect(sales.count == pipelines.filter { Expected.float($0, "tipo") == 0 }.count)
            #expect(session.requests.listings == [["type": "0"]])

            let qualificacoes = session.dataset.records(.qualificacoes)
            let scheduled = try await session.rows("select id from qualificacoes where status in (2, 6)")
            #expect(scheduled.count == qualificacoes.filter { [2, 6].contains(Expected.float($0, "status")) }.count)
            #expect(Set(session.requests.listings) == [["status": "2"], ["status": "6"]])

            let propostas = session.dataset.records(.proposta)
            let approved = try await session.rows("select id from oportunidades_propostas where status = 2")
            #expect(approved.count == propostas.filter { Expected.float($0, "status") == 2 }.count)
            #expect(session.requests.listings == [["status": "2"]])
        }
    }

    @Test("cliente_id and funilvenda_id become clienteId and pipelineId, within each status listing")
    func clienteAndPipeline() async throws {
        try await MockSession.run { session in
            let records = session.dataset.records(.oportunidades)
            let cliente = try #require(records.compactMap { Expected.float($0, "cliente.id") }.first)
            let rows = try await session.rows("select id from oportunidades where cliente_id = \(Int(cliente))")
            #expect(rows.count == records.filter { Expected.float($0, "cliente.id") == cliente }.count)
            let listings = session.requests.listings
            #expect(listings.count == 5)
            #expect(listings.allSatisfy { $0["clienteId"] == String(Int(cliente)) && $0["status"] != nil })

            let pipeline = try #require(records.compactMap { Expected.float($0, "funilVenda.id") }.first)
            let inPipeline = try await session.rows("select id from oportunidades where funilvenda_id = \(Int(pipeline)) and status = 1")
            #expect(inPipeline.count == records.filter {
                Expected.float($0, "funilVenda.id") == pipeline && Expected.float($0, "status") == 1
            }.count)
            #expect(session.requests.listings == [["status": "1", "pipelineId": String(Int(pipeline))]])
        }
    }

    @Test("an in over many client ids reads the status listings once instead of one listing per id and status")
    func manyValuesDoNotMultiplyListings() async throws {
        try await MockSession.run { session in
            let oportunidades = session.dataset.records(.oportunidades)
            let clients = Array(Set(oportunidades.compactMap { Expected.float($0, "cliente.id") })).sorted().prefix(16)
            let list = clients.map { String(Int($0)) }.joined(separator: ", ")
            let rows = try await session.rows("select id from oportunidades where cliente_id in (\(list))")
            #expect(rows.count == oportunidades.filter { clients.contains(Expected.float($0, "cliente.id") ?? -1) }.count)
            // 16 ids × 5 statuses would be 80 listings; the five status listings are cheaper.
            #expect(session.requests.listings.count == 5)
            #expect(session.requests.listings.allSatisfy { $0["clienteId"] == nil })
        }
    }

    @Test("owner ids go as one comma list: usuariosId on oportunidades, responsaveisId on contatos")
    func ownerLists() async throws {
        try await MockSession.run { session in
            let contatos = session.dataset.records(.contatos)
            let owners = Array(Set(contatos.compactMap { Expected.float($0, "responsavel.id") })).sorted().prefix(2)
            #expect(owners.count == 2)
            let list = owners.map { String(Int($0)) }.joined(separator: ", ")
            let rows = try await session.rows("select id from contatos where responsavel_id in (\(list))")
            #expect(rows.count == contatos.filter { owners.contains(Expected.float($0, "responsavel.id") ?? -1) }.count)
            #expect(session.requests.listings == [["responsaveisId": owners.map { String(Int($0)) }.joined(separator: ",")]])

            let oportunidades = session.dataset.records(.oportunidades)
            let deals = try await session.rows("select id from oportunidades where status = 3 and responsavel_id in (\(list))")
            #expect(deals.count == oportunidades.filter {
                owners.contains(Expected.float($0, "responsavel.id") ?? -1) && Expected.float($0, "status") == 3
            }.count)
            #expect(session.requests.listings == [["status": "3", "usuariosId": owners.map { String(Int($0)) }.joined(separator: ",")]])
        }
    }

    @Test("date ranges become dd/MM/yyyy whole days in Brazilian time on created, updated and limit dates")
    func dateRanges() async throws {
        try await MockSession.run { session in
            let contatos = session.dataset.records(.contatos)
            let low = Expected.saoPaulo(2025, 1, 1), high = Expected.saoPaulo(2025, 7, 1)
            let updated = try await session.rows(
                "select id from contatos where dataatualizacao >= '2025-01-01' and dataatualizacao < '2025-07-01'")
            #expect(updated.count == contatos.filter { ms in
                Expected.timestamp(ms, "dataAtualizacao").map { $0 >= low && $0 < high } ?? false
            }.count)
            #expect(session.requests.listings == [["dataInicioAtualizacao": "01/01/2025", "dataFimAtualizacao": "01/07/2025"]])

            let created = try await session.rows("select id from contatos where datacriacao between '2023-02-10' and '2023-11-20 23:59'")
            let (from, to) = (Expected.saoPaulo(2023, 2, 10), Expected.saoPaulo(2023, 11, 20, 23, 59))
            #expect(created.count == contatos.filter { Expected.timestamp($0, "dataCriacao").map { $0 >= from && $0 <= to } ?? false }.count)
            #expect(session.requests.listings == [["dataInicio": "10/02/2023", "dataFim": "20/11/2023"]])

            let oportunidades = session.dataset.records(.oportunidades)
            let due = try await session.rows("select id from oportunidades where status = 1 and datalimite < '2024-06-01'")
            let limit = Expected.saoPaulo(2024, 6, 1)
            #expect(due.count == oportunidades.filter {
                Expected.float($0, "status") == 1 && (Expected.timestamp($0, "dataLimite").map { $0 < limit } ?? false)
            }.count)
            #expect(session.requests.listings == [["status": "1", "dataFimLimite": "01/06/2024"]])
        }
    }

    @Test("a bound inside a day widens the request to the whole day but keeps local precision")
    func dateBoundaryPrecision() async throws {
        try await MockSession.run { session in
            let records = session.dataset.records(.oportunidades)
            // A real record's creation instant, to put the bound exactly on a row.
            let pivot = try #require(records.compactMap { Expected.timestamp($0, "dataCriacao") }.dropFirst(7).first)
            let local = LocalTime(pivot)
            let atOrAfter = try await session.rows("select id from oportunidades where datacriacao >= '\(local.text)'")
            #expect(atOrAfter.count == records.filter { (Expected.timestamp($0, "dataCriacao") ?? .min) >= local.wholeSecond }.count)
            #expect(session.requests.listings.allSatisfy { $0["dataInicio"] == local.filterDay && $0["dataFim"] == nil })
            let before = try await session.rows("select id from oportunidades where datacriacao < '\(local.text)'")
            #expect(before.count == records.filter { (Expected.timestamp($0, "dataCriacao") ?? .max) < local.wholeSecond }.count)
            #expect(atOrAfter.count + before.count == records.filter { Expected.timestamp($0, "dataCriacao") != nil }.count)

            let fifteen = Expected.saoPaulo(2024, 3, 5, 15, 0)
            let afternoon = try await session.rows("select id from oportunidades where datacriacao >= '2024-03-05 15:00'")
            #expect(afternoon.count == records.filter { (Expected.timestamp($0, "dataCriacao") ?? .min) >= fifteen }.count)
            #expect(session.requests.listings.allSatisfy { $0["dataInicio"] == "05/03/2024" })
        }
    }

    @Test("years before 1000 go as four digits; bounds outside years 1–9999 stay local, never a malformed day")
    func datesAtTheEdgesOfTheCalendar() async throws {
        try await MockSession.run { session in
            let dated = session.dataset.records(.contatos).filter { Expected.timestamp($0, "dataCriacao") != nil }.count
            let since = try await session.rows("select id from contatos where datacriacao >= '0001-01-01'")
            #expect(since.count == dated)
            #expect(session.requests.listings == [["dataInicio": "01/01/0001"]])
            _ = try await session.rows("select id from contatos where datacriacao > '0999-06-01'")
            #expect(session.requests.listings.allSatisfy { $0["dataInicio"] == "01/06/0999" })
            let far = try await session.rows("select id from contatos where datacriacao < now() + interval '8000 years'")
            #expect(far.count == dated)
            #expect(session.requests.listings.allSatisfy { $0["dataFim"] == nil }, "\(session.requests.listings)")
            let ancient = try await session.rows("select id from contatos where datacriacao > now() - interval '3000 years'")
            #expect(ancient.count == dated)
            #expect(session.requests.listings.allSatisfy { $0["dataInicio"] == nil }, "\(session.requests.listings)")
        }
    }

    @Test("in another session zone, a date literal's Brazilian day is what goes into the request")
    func dateFilterFromOtherZone() async throws {
        try await MockSession.run { session in
            session.engine.setTimeZone(TimeZone(identifier: "UTC")!)
            let records = session.dataset.records(.contatos)
            // Midnight UTC on 5 March is 21:00 on 4 March in Brazil.
            let midnightUTC = Int64(MockTimestamp.epochSeconds(year: 2024, month: 3, day: 5)) * 1000
            let rows = try await session.rows("select id from contatos where datacriacao >= '2024-03-05'")
            #expect(rows.count == records.filter { (Expected.timestamp($0, "dataCriacao") ?? .min) >= midnightUTC }.count)
            #expect(session.requests.listings == [["dataInicio": "04/03/2024"]])
        }
    }

    @Test("nome = 'x' is exact on contatos; like 'x%' is a prefix; both answers stay exact")
    func names() async throws {
        try await MockSession.run { session in
            let contatos = session.dataset.records(.contatos)
            let name = try #require(contatos.compactMap { Expected.text($0, "nome") }.first)
            let exact = try await session.rows("select id, nome from contatos where nome = '\(name.replacingOccurrences(of: "'", with: "''"))'")
            #expect(exact.count == contatos.filter { Expected.text($0, "nome") == name }.count)
            #expect(session.requests.listings == [["nome": name, "exato": "true"]])

            // The API's prefix also matches codes and ignores case; the local predicate keeps the answer exact.
            let prefix = String(name.prefix(3))
            let like = try await session.rows("select nome from contatos where nome like '\(prefix)%'")
            #expect(like.count == contatos.filter { Expected.text($0, "nome")?.hasPrefix(prefix) ?? false }.count)
            #expect(like.allSatisfy { $0[0].string?.hasPrefix(prefix) ?? false })
            #expect(session.requests.listings == [["nome": prefix]])

            let lower = prefix.lowercased()
            let looseMatch = try await session.rows("select nome from contatos where nome like '\(lower)%'")
            #expect(looseMatch.count == contatos.filter { Expected.text($0, "nome")?.hasPrefix(lower) ?? false }.count)
            #expect(looseMatch.allSatisfy { $0[0].string?.hasPrefix(lower) ?? false })
        }
    }

    @Test("id = x and id in (…) become GET endpoint/{id}; a missing id is no row, not an error")
    func idLookups() async throws {
        try await MockSession.run { session in
            let contatos = session.dataset.records(.contatos)
            let ids = contatos.compactMap { Expected.float($0, "id") }.map { Int($0) }
            let one = try await session.rows("select id, nome from contatos where id = \(ids[3])")
            #expect(one == [[.float(Double(ids[3])), Expected.value(contatos[3], "nome", .text)]])
            #expect(session.requests.map(\.description) == ["contatos/\(ids[3])?"])

            let missing = 999_999_999
            let several = try await session.rows("select id from contatos where id in (\(ids[0]), \(missing), \(ids[5]))")
            #expect(Set(several.compactMap { $0[0].double }) == [Double(ids[0]), Double(ids[5])])
            #expect(Set(session.requests.map(\.path)) == ["contatos/\(ids[0])", "contatos/\(missing)", "contatos/\(ids[5])"])
            #expect(session.requests.count == 3)

            let deal = try #require(session.dataset.records(.oportunidades).last)
            let dealID = Int(try #require(Expected.float(deal, "id")))
            let found = try await session.rows("select valortotal from oportunidades where id = \(dealID)")
            #expect(found == [[Expected.value(deal, "valorTotal", .float)]])
            #expect(session.requests.map(\.path) == ["oportunidades/\(dealID)"])
        }
    }

    @Test("a lookup by id still applies the other predicates locally")
    func lookupKeepsOtherPredicates() async throws {
        try await MockSession.run { session in
            let record = try #require(session.dataset.records(.contatos).first { Expected.float($0, "constante") != nil })
            let id = Int(try #require(Expected.float(record, "id")))
            let constante = Int(try #require(Expected.float(record, "constante")))
            let kept = try await session.rows("select id from contatos where id = \(id) and constante = \(constante)")
            #expect(kept == [[.float(Double(id))]])
            let dropped = try await session.rows("select id from contatos where id = \(id) and constante = \(constante + 1)")
            #expect(dropped.isEmpty)
            #expect(session.requests.map(\.path) == ["contatos/\(id)"])
        }
    }

    @Test("a child table's parent id is a lookup of the parent record")
    func childParentLookup() async throws {
        try await MockSession.run { session in
            let contatos = session.dataset.records(.contatos)
            let parent = try #require(contatos.first { ($0["enderecos"]?.elements?.count ?? 0) > 1 })
            let id = Int(try #require(Expected.float(parent, "id")))
            let rows = try await session.rows("select contato_id, enderecos_cep from contatos_enderecos where contato_id = \(id)")
            let expected = (parent["enderecos"]?.elements ?? []).map { [Value.float(Double(id)), Expected.value($0, "cep", .text)] }
            #expect(sortedRows(rows) == sortedRows(expected))
            #expect(session.requests.map(\.path) == ["contatos/\(id)"])
        }
    }

    @Test("a proposal's opportunity id becomes GET proposta/opportunity/{id}, one per value")
    func proposalsByOpportunity() async throws {
        try await MockSession.run { session in
            let propostas = session.dataset.records(.proposta)
            var byDeal: [Double: Int] = [:]
            for proposta in propostas { if let deal = Expected.float(proposta, "oportunidade.id") { byDeal[deal, default: 0] += 1 } }
            let deals = byDeal.sorted { $0.value > $1.value }.prefix(2).map { Int($0.key) }
            #expect(deals.count == 2)
            let rows = try await session.rows("select id from oportunidades_propostas where oportunidade_id in (\(deals[0]), \(deals[1]), 1)")
            let expected = propostas.filter { Expected.float($0, "oportunidade.id").map { deals.contains(Int($0)) } ?? false }
            #expect(rows.count == expected.count)
            #expect(Set(session.requests.map(\.path)) == Set((deals + [1]).map { "proposta/opportunity/\($0)" }))
        }
    }

    @Test("attribute= asks only for the keys the query reads, and the answer equals the unprojected one")
    func projection() async throws {
        try await MockSession.run { session in
            let sql = "select nome, cliente_nome, valortotal from oportunidades where status = 2 and valortotal > 1000"
            let projected = try await session.rows(sql)
            let requests = session.requests
            let attributes = Set(requests.flatMap { $0.values("attribute") }.map { $0.lowercased() })
            #expect(attributes == ["id", "nome", "cliente", "valortotal", "status"])
            #expect(requests.allSatisfy { !$0.values("attribute").isEmpty })

            let whole = try await session.query("select * from oportunidades where status = 2 and valortotal > 1000")
            #expect(session.requests.allSatisfy { $0.values("attribute").isEmpty })
            let columns = ["nome", "cliente_nome", "valortotal"].compactMap { whole.columns.firstIndex(of: $0) }
            #expect(sortedRows(projected) == sortedRows(whole.rows.map { row in columns.map { row[$0] } }))
            let records = session.dataset.records(.oportunidades).filter {
                Expected.float($0, "status") == 2 && (Expected.float($0, "valorTotal") ?? 0) > 1000
            }
            #expect(projected.count == records.count)

            let addresses = try await session.rows("select contato_id, enderecos_cep from contatos_enderecos")
            #expect(Set(session.requests.flatMap { $0.values("attribute") }.map { $0.lowercased() }) == ["id", "enderecos"])
            let wholeAddresses = try await session.query("select * from contatos_enderecos")
            let cep = try #require(wholeAddresses.columns.firstIndex(of: "enderecos_cep"))
            #expect(sortedRows(addresses) == sortedRows(wholeAddresses.rows.map { [$0[0], $0[cep]] }))
        }
    }
}

/// A timestamp as São Paulo wall-clock text (`yyyy-MM-dd HH:mm:ss`), the way an analyst types it.
struct LocalTime {
    let text: String
    /// The instant the text denotes (the milliseconds dropped).
    let wholeSecond: Int64
    /// `dd/MM/yyyy` of its Brazilian day.
    let filterDay: String

    init(_ milliseconds: Int64) {
        let seconds = Int(milliseconds / 1000)
        let shifted = seconds + MockTimestamp.brazilOffsetSeconds
        let day = MockTimestamp.brazilDay(ofEpochSeconds: seconds)
        let parts = MockTimestamp.filterText(ofDay: day).split(separator: "/").map(String.init)
        let secondOfDay = shifted - day * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        text = "\(parts[2])-\(parts[1])-\(parts[0]) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        wholeSecond = Int64(seconds) * 1000
        filterDay = MockTimestamp.filterText(ofDay: day)
    }
}
