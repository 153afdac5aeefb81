import NectarMock
import NectarQL
import Testing

/// `select * from <table>` for all 16 tables: one row per record (or per array element for a
/// child table), and chosen columns equal to the values read straight from the API's JSON.
@Suite struct TableScanTests {
    struct Checked: Sendable, CustomStringConvertible {
        let table: String
        let endpoint: MockEndpoint
        /// The array whose elements are the rows, for a child table.
        let array: String?
        /// Column name → path in the row's object (the element for a child table) and its kind;
        /// the path `^id` means the parent record's id.
        let columns: [(String, String, Expected.Kind)]
        /// Dependent products are rare: a larger dataset makes sure some exist.
        var scale = 0.2
        var description: String { table }
    }

    static let tables: [Checked] = [
        Checked(table: "contatos", endpoint: .contatos, array: nil, columns: [
            ("id", "id", .float), ("nome", "nome", .text), ("responsavel_id", "responsavel.id", .float),
            ("datacriacao", "dataCriacao", .timestamp), ("empresa", "empresa", .boolean)]),
        Checked(table: "contatos_contatos", endpoint: .contatos, array: "contatos", columns: [
            ("contato_id", "^id", .float), ("contatos_id", "id", .float), ("contatos_nome", "nome", .text)]),
        Checked(table: "contatos_enderecos", endpoint: .contatos, array: "enderecos", columns: [
            ("contato_id", "^id", .float), ("enderecos_cep", "cep", .text), ("enderecos_principal", "principal", .boolean)]),
        Checked(table: "contatos_contatospai", endpoint: .contatos, array: "contatosPai", columns: [
            ("contato_id", "^id", .float), ("contatospai_empresa_id", "empresa.id", .float),
            ("contatospai_dataatualizacao", "dataAtualizacao", .timestamp)]),
        Checked(table: "contatos_empresasatuais", endpoint: .contatos, array: "empresasAtuais", columns: [
            ("contato_id", "^id", .float), ("empresasatuais_contato_id", "contato.id", .float),
            ("empresasatuais_dataatualizacao", "dataAtualizacao", .timestamp)]),
        Checked(table: "oportunidades", endpoint: .oportunidades, array: nil, columns: [
            ("id", "id", .float), ("status", "status", .float), ("valortotal", "valorTotal", .float),
            ("cliente_id", "cliente.id", .float), ("datalimite", "dataLimite", .timestamp)]),
        Checked(table: "oportunidades_produtos", endpoint: .oportunidades, array: "produtos", columns: [
            ("id_oportunidade", "^id", .float), ("id", "id", .float), ("produto_id", "produto.id", .float),
            ("quantidade", "quantidade", .float)]),
        Checked(table: "oportunidades_propostas", endpoint: .proposta, array: nil, columns: [
            ("oportunidade_id", "oportunidade.id", .float), ("id", "id", .float), ("status", "status", .float),
            ("datacriacao", "dataCriacao", .timestamp)]),
        Checked(table: "pipelines", endpoint: .pipeline, array: nil, columns: [
            ("id", "id", .float), ("nome", "nome", .text), ("tipo", "tipo", .float)]),
        Checked(table: "pipelines_sequencias", endpoint: .pipeline, array: "sequencias", columns: [
            ("pipeline_id", "^id", .float), ("sequencias_id", "id", .float), ("sequencias_nome", "nome", .text),
            ("sequencias_prazo", "prazo", .float)]),
        Checked(table: "produtos", endpoint: .produto, array: nil, columns: [
            ("id", "id", .float), ("nome", "nome", .text), ("valorbase", "valorBase", .float),
            ("categoria_nome", "categoria.nome", .text)]),
        Checked(table: "produtos_produtos", endpoint: .produto, array: "produtos", columns: [
            ("produto_dependente_id", "^id", .float), ("produtos_id", "id", .float), ("produtos_nome", "nome", .text)], scale: 1),
        Checked(table: "compromissos", endpoint: .compromissos, array: nil, columns: [
            ("id", "id", .float), ("assunto", "assunto", .text), ("cliente_id", "cliente.id", .float),
            ("datainicio", "dataInicio", .timestamp)]),
        Checked(table: "compromissos_participantes", endpoint: .compromissos, array: "participantes", columns: [
            ("compromisso_id", "^id", .float), ("participantes_id", "id", .float),
            ("participantes_usuario_id", "usuario.id", .float)]),
        Checked(table: "qualificacoes", endpoint: .qualificacoes, array: nil, columns: [
            ("id", "id", .float), ("status", "status", .float), ("cliente_id", "cliente.id", .float),
            ("datalimite", "dataLimite", .timestamp)]),
        Checked(table: "tarefas", endpoint: .tarefas, array: nil, columns: [
            ("id", "id", .float), ("titulo", "titulo", .text), ("responsavel_id", "responsavel.id", .float)]),
    ]

    @Test("the catalog lists exactly the 16 tables checked here")
    func everyTableIsChecked() async throws {
        try await MockSession.run { session in
            let names = try await session.rows("show tables").compactMap { $0[0].string }
            #expect(Set(names) == Set(Self.tables.map(\.table)))
            #expect(session.server.statistics().requests == 0)
        }
    }

    @Test("select * returns one row per record or array element, with the API's values", arguments: tables)
    func selectStar(_ checked: Checked) async throws {
        try await MockSession.run(scale: checked.scale) { session in
            let (columns, rows) = try await session.query("select * from \(checked.table)")
            let records = session.dataset.records(checked.endpoint)
            let sources: [(parent: MockJSON, element: MockJSON)] =
                checked.array.map { Expected.elements(records, $0) } ?? records.map { ($0, $0) }
            #expect(rows.count == sources.count)
            #expect(!rows.isEmpty, "the dataset should have rows for \(checked.table)")

            let indexes = try checked.columns.map { column in try #require(columns.firstIndex(of: column.0), "\(column.0)") }
            let actual = rows.map { row in indexes.map { row[$0] } }
            let expected = sources.map { source in
                checked.columns.map { _, path, kind in
                    path == "^id" ? Expected.value(source.parent, "id", .float) : Expected.value(source.element, path, kind)
                }
            }
            #expect(sortedRows(actual) == sortedRows(expected))

            // Pages are asked for explicitly, never above the documented 50, and the token stays out of URLs.
            let listings = session.requests.filter { $0.path.hasSuffix("/") }
            #expect(!listings.isEmpty && listings.allSatisfy { $0.value("displayLength") == "50" && Int($0.value("page") ?? "") ?? 0 >= 1 })
            #expect(session.server.statistics().tokenInURLRequests == 0)
        }
    }

    @Test("all opportunities: one listing per status 1–5, since the API answers status 1 alone without it")
    func opportunitiesQuirk() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select id, status from oportunidades")
            let records = session.dataset.records(.oportunidades)
            #expect(rows.count == records.count)
            #expect(Set(rows.compactMap { $0[1].double }) == [1, 2, 3, 4, 5])
            let listings = session.requests.listings
            #expect(listings.count == 5)
            #expect(Set(listings.compactMap { $0["status"] }) == ["1", "2", "3", "4", "5"])
        }
    }

    @Test("where status = 2 is one listing with status=2; status in (2, 3) is two")
    func statusListings() async throws {
        try await MockSession.run { session in
            let records = session.dataset.records(.oportunidades)
            let won = try await session.rows("select id from oportunidades where status = 2")
            #expect(won.count == records.filter { Expected.float($0, "status") == 2 }.count)
            #expect(session.requests.listings == [["status": "2"]])

            let closed = try await session.rows("select id from oportunidades where status in (2, 3)")
            #expect(closed.count == records.filter { [2, 3].contains(Expected.float($0, "status")) }.count)
            #expect(session.requests.listings.compactMap { $0["status"] }.sorted() == ["2", "3"])
            #expect(session.requests.listings.count == 2)
        }
    }

    @Test("pipelines, which an account has few of, are read with one request the first time")
    func aTypicallySmallTableIsNotSpeculatedOn() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select id, nome from pipelines")
            #expect(rows.count == session.dataset.records(.pipeline).count)
            #expect(session.requests.map(\.path) == ["pipeline/"])
        }
    }
}
