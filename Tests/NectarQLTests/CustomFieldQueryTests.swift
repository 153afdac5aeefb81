import NectarCatalog
import NectarMock
import NectarQL
import Testing

/// The fake account's custom fields as columns, end to end: discovery, `select *`, typed values
/// against the records themselves, the hostile cases, filters and grouping, explain, no access.
@Suite struct CustomFieldQueryTests {
    typealias Fields = CustomFieldDefinitions

    static let contactColumns = [
        "campo_numero_de_funcionarios", "campo_cliente_desde", "campo_segmento_de_atuacao", "campo_regiao", "campo_regiao_2", "campo_area_de_expansao_n", "campo_cliente_vip",
        "campo_origem_do_lead",
    ]

    /// The value a record files under one of `labels`, straight from the JSON.
    static func custom(_ record: MockJSON, _ labels: String...) -> MockJSON? {
        labels.lazy.compactMap { record["camposPersonalizados"]?[$0] }.first
    }

    /// The mock's two number forms, read without engine code: `1.234,56` and `1234.56`.
    static func amount(_ json: MockJSON?) -> Value {
        switch json {
        case .number(let number)?: return .float(number)
        case .string(let text)? where text.contains(","):
            return Double(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")).map(Value.float) ?? .null
        case .string(let text)?: return Double(text).map(Value.float) ?? .null
        default: return .null
        }
    }

    static func yesNo(_ json: MockJSON?) -> Value {
        switch json {
        case .bool(let flag)?: return .boolean(flag)
        case .string(let text)?: return ["sim", "true", "1"].contains(text) ? .boolean(true) : .boolean(false)
        default: return .null
        }
    }

    private func byID(_ rows: [[Value]]) -> [Double: [Value]] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0[0].double!, Array($0.dropFirst())) })
    }

    @Test func definitionsAreReadOnceOnTheSessionsFirstStatement() async throws {
        try await MockSession.run(loadsCustomFields: false) { session in
            _ = try await session.query("select campo_regiao from contatos limit 1")
            #expect(session.requests.onPath("campoPersonalizado/").map { $0.value("page") } == ["-1"])
            _ = try await session.query("select campo_prioridade_interna from tarefas limit 1")
            #expect(session.requests.onPath("campoPersonalizado/").isEmpty, "read once per session")
        }
    }

    @Test func selectStarListsTheSeedColumnsThenTheCustomOnesInDefinitionOrder() async throws {
        try await MockSession.run { session in
            let seed = try #require(Catalog.nectarCRM.table(named: "contatos")).columns.map(\.name)
            #expect(try await session.query("select * from contatos limit 1").columns == seed + Self.contactColumns)
            let opportunities = try await session.query("select * from oportunidades where status = 2 limit 1").columns
            #expect(opportunities.suffix(4) == [
                "campo_valor_do_contrato", "campo_data_de_renovacao", "campo_contrato_assinado", "campo_probabilidade",
            ])
            #expect(try await session.query("select * from compromissos limit 1").columns.last == "campo_codigo_erp")
            #expect(try await session.query("select * from tarefas limit 1").columns.last == "campo_prioridade_interna")
            #expect(!(try await session.query("select * from pipelines").columns.contains { $0.hasPrefix("campo_") }))
        }
    }

    @Test func contactValuesMatchTheRecordsWhetherFiledUnderNameOrAlias() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows(
                """
                select id, campo_numero_de_funcionarios, campo_segmento_de_atuacao, campo_regiao, campo_regiao_2,
                       campo_area_de_expansao_n, campo_cliente_vip from contatos
                """)
            let records = session.dataset.records(.contatos)
            #expect(rows.count == records.count)
            let found = byID(rows)
            var viaAlias = 0
            for record in records {
                let id = try #require(record["id"]?.doubleValue)
                let segment = Self.custom(record, Fields.name(Fields.segmento), "segmento_atuacao")
                if Self.custom(record, "segmento_atuacao") != nil { viaAlias += 1 }
                let expected: [Value] = [
                    Self.amount(Self.custom(record, "Número de funcionários")),
                    segment?.stringValue.map(Value.text) ?? .null,
                    Self.custom(record, "Região")?.stringValue.map(Value.text) ?? .null,
                    Self.custom(record, "Regiao")?.stringValue.map(Value.text) ?? .null,
                    Self.amount(Self.custom(record, Fields.name(Fields.expansao))),
                    Self.yesNo(Self.custom(record, "Cliente VIP")),
                ]
                #expect(found[id] == expected, "contato \(id)")
            }
            #expect(viaAlias > 0, "the dataset files some values under the alias")
        }
    }

    @Test func contractValuesInBothNumberFormsAndTheUnreadableOneIsNullAndCounted() async throws {
        try await MockSession.run { session in
            let before = session.engine.statistics()
            let rows = try await session.rows("select id, campo_valor_do_contrato, campo_probabilidade from oportunidades")
            let records = session.dataset.records(.oportunidades)
            let found = byID(rows)
            var forms: Set<String> = []
            for record in records {
                let id = try #require(record["id"]?.doubleValue)
                let value = Self.custom(record, Fields.name(Fields.valorDoContrato))
                if case .string(let text)? = value { forms.insert(text.contains(",") ? "brazilian" : text == "a combinar" ? "words" : "plain") }
                #expect(found[id] == [Self.amount(value), Self.amount(Self.custom(record, "Probabilidade (%)"))], "oportunidade \(id)")
            }
            #expect(forms == ["brazilian", "plain", "words"])
            let unreadable = records.filter { Self.custom($0, Fields.name(Fields.valorDoContrato)) == "a combinar" }.count
            #expect(unreadable > 0)
            #expect(session.engine.statistics().since(before).coercionFailures == unreadable)
        }
    }

    @Test func renewalDatesAreLocalMidnightFromEitherForm() async throws {
        try await MockSession.run { session in
            let found = byID(try await session.rows("select id, campo_data_de_renovacao from oportunidades"))
            for record in session.dataset.records(.oportunidades) {
                let id = try #require(record["id"]?.doubleValue)
                var expected = Value.null
                if let text = Self.custom(record, "Data de renovação")?.stringValue {
                    let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" }).compactMap { Int($0) }
                    let (year, month, day) = text.contains("/") ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2])
                    expected = .timestamp(Expected.saoPaulo(year, month, day))
                }
                #expect(found[id] == [expected], "oportunidade \(id)")
            }
        }
    }

    @Test func valuesUnderALabelWithoutDefinitionAreIgnoredAndCounted() async throws {
        try await MockSession.run { session in
            let before = session.engine.statistics()
            let found = byID(try await session.rows("select id, campo_origem_do_lead from contatos"))
            let records = session.dataset.records(.contatos)
            let orphaned = records.reduce(0) { count, record in
                count + (record["camposPersonalizados"]?.members ?? []).filter { [Fields.renamedLabel, "Campo antigo"].contains($0.key) }.count
            }
            #expect(orphaned > 0)
            #expect(session.engine.statistics().since(before).ignoredCustomValues == orphaned)
            for record in records where Self.custom(record, Fields.renamedLabel) != nil {
                #expect(found[record["id"]!.doubleValue!] == [.null], "a value under the old label is not read")
            }
        }
    }

    @Test func aFieldNoRecordFillsIsAColumnOfNulls() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select campo_codigo_erp from compromissos")
            #expect(rows.count == session.dataset.records(.compromissos).count)
            #expect(rows.allSatisfy { $0 == [.null] })
        }
    }

    @Test func filteringAndGroupingByCustomFieldsAnswerFromTheRecords() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("""
                select campo_segmento_de_atuacao as seg, count(*) as contatos from contatos
                where campo_cliente_vip and campo_area_de_expansao_n >= 100 group by seg order by seg
                """)
            var expected: [String?: Int] = [:]
            for record in session.dataset.records(.contatos) {
                guard Self.yesNo(Self.custom(record, "Cliente VIP")) == .boolean(true),
                    let employees = Self.amount(Self.custom(record, Fields.name(Fields.expansao))).double, employees >= 100
                else { continue }
                expected[Self.custom(record, Fields.name(Fields.segmento), "segmento_atuacao")?.stringValue, default: 0] += 1
            }
            let answer = rows.map { row in [row[0].string: Int(row[1].double ?? -1)] }
            #expect(expected.count > 2)
            #expect(answer.count == expected.count)
            for pair in answer { #expect(expected[pair.keys.first!] == pair.values.first!, "\(pair)") }
        }
    }

    @Test func customPredicatesRunLocallyAndProjectionAsksForTheValuesObject() async throws {
        try await MockSession.run { session in
            let plan = try await session.explain("select nome from contatos where campo_regiao = 'Sul' and constante = 1")
            #expect(plan.contains { $0.contains("attribute=camposPersonalizados") })
            #expect(plan.contains { $0.contains("custom fields filtered locally only") && $0.contains("campo_regiao = 'Sul'") })
            _ = try await session.rows("select nome from contatos where campo_regiao = 'Sul' and constante = 1")
            let listings = session.requests.onPath("contatos/")
            #expect(!listings.isEmpty)
            for request in listings {
                #expect(request.values("attribute").contains("camposPersonalizados"))
                #expect(request.filters == ["constante": "1"], "no custom-field filter is sent")
            }
            let withoutCustom = try await session.explain("select nome from contatos where constante = 1")
            #expect(!withoutCustom.contains { $0.contains("camposPersonalizados") })
        }
    }

    @Test func describeShowsEachCustomColumnsLabelAndType() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("describe oportunidades")
            let custom = rows.filter { $0[0].string?.hasPrefix("campo_") == true }
            #expect(custom == [
                [.text("campo_valor_do_contrato"), .text("float"), .text("Valor do contrato (Moeda)")],
                [.text("campo_data_de_renovacao"), .text("timestamp"), .text("Data de renovação (Data)")],
                [.text("campo_contrato_assinado"), .text("boolean"), .text("Contrato assinado? (Checkbox)")],
                [.text("campo_probabilidade"), .text("float"), .text("Probabilidade (%) (Fracionário)")],
            ])
            #expect(rows.first == [.text("id"), .text("float"), .null])
        }
    }

    @Test(arguments: [CustomFieldAccess.forbidden, .missing])
    func withoutAccessThereAreNoCustomColumnsAndDescribeSaysWhyOnce(access: CustomFieldAccess) async throws {
        try await MockSession.run(customFields: access, loadsCustomFields: false) { session in
            let seed = try #require(Catalog.nectarCRM.table(named: "contatos")).columns.map(\.name)
            #expect(try await session.query("select * from contatos limit 1").columns == seed)
            let first = try await session.engine.execute("describe contatos")
            #expect(first.notice?.contains(access == .forbidden ? "HTTP 403" : "HTTP 404") == true, "\(first.notice ?? "no notice")")
            #expect(try await session.engine.execute("describe contatos").notice == nil, "said once")
            await #expect(throws: QueryError.self) { try await session.query("select campo_regiao from contatos") }
        }
    }

    @Test func anOutageOfTheDefinitionsFailsOnlyStatementsOverTablesWithCustomFields() async throws {
        try await MockSession.run(customFields: .failing, loadsCustomFields: false, configure: { $0.maxAttempts = 1 }) { session in
            let pipelines = session.dataset.records(.pipeline).count
            let counted = try await session.rows("select count(*) from pipelines")
            #expect(counted == [[.float(Double(pipelines))]])
            let constant = try await session.rows("select 1 + 1 as dois")
            #expect(constant == [[.float(2)]])
            await #expect(throws: APIError.self) { try await session.query("select count(*) from contatos") }
            await #expect(throws: APIError.self) { try await session.query("select p.nome from pipelines p join oportunidades o on o.funilvenda_id = p.id") }
            let definitions = session.server.statistics().requestsByPath.filter { $0.key.contains("campoPersonalizado") }
            #expect(definitions.values.reduce(0, +) == 1, "each statement asks again, the last one included")
        }
    }
}
