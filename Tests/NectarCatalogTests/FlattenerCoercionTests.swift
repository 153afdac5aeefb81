import Testing
import NectarCatalog

@Suite struct FlattenerCoercionTests {
    @Test func aRecordBecomesOneRowWithTheTablesColumnsInOrder() throws {
        let result = try Flattened("tarefas", page: #"""
        [{"id": 1, "titulo": "Ligar", "cliente": {"id": 7, "nome": "Acme", "isEmpresa": true},
          "responsavel": {"id": 2, "login": "ana", "nome": "Ana"}, "dataCriacao": "2016-03-30T12:00:00-03:00",
          "tarefaTipo": {"ativo": true, "id": 3, "natureza": 1, "nome": "Ligação"}, "status": 0, "extra": {"a": [1, 2]}}]
        """#)
        #expect(result.rows.count == 1)
        #expect(result.rows[0].count == result.table.columns.count)
        #expect(result.cell(0, "id") == .float(1))
        #expect(result.cell(0, "cliente_id") == .float(7))
        #expect(result.cell(0, "cliente_isempresa") == .boolean(true))
        #expect(result.cell(0, "tarefatipo_nome") == .text("Ligação"))
        #expect(result.cell(0, "datacriacao") == .timestamp(1_459_350_000_000))
        #expect(result.cell(0, "status") == .float(0))
        #expect(result.cell(0, "checklist_id") == .null)
        #expect(result.page.coercionFailures == 0)
        #expect(result.page.records.first?.id == .float(1))
    }

    @Test func stringArraysAndObjectsInTextColumnsBecomeCompactJSON() throws {
        let result = try Flattened("contatos", page: #"""
        [{"id": 1, "emails": ["a@x.com", "b@y.com"], "telefones": [], "categoria": {"id": 2, "nome": "VIP"},
          "contatoPai": {"emails": ["p@x.com"], "telefones": ["11 5555-0000"]}}]
        """#)
        #expect(result.cell(0, "emails") == .text(#"["a@x.com","b@y.com"]"#))
        #expect(result.cell(0, "telefones") == .text("[]"))
        #expect(result.cell(0, "categoria") == .text(#"{"id":2,"nome":"VIP"}"#))
        #expect(result.cell(0, "contatopai_emails") == .text(#"["p@x.com"]"#))
        #expect(result.cell(0, "contatopai_telefones") == .text(#"["11 5555-0000"]"#))
        #expect(result.page.coercionFailures == 0)
    }

    @Test func missingNullAndEmptyObjectsAreNull() throws {
        let result = try Flattened("oportunidades", page: #"[{"id": 3, "cliente": {}, "funilVenda": null, "nome": null}]"#)
        #expect(result.othersAreNull(0, except: ["id"]))
        #expect(result.page.coercionFailures == 0)
    }

    @Test func numbersArrivingAsStringsAreCoerced() throws {
        let result = try Flattened("oportunidades", page: #"""
        [{"id": "42", "valorTotal": "12.5", "probabilidade": " 3 ", "valorMensal": "", "valorAvulso": "-1e3", "etapa": "dois"}]
        """#)
        #expect(result.cell(0, "id") == .float(42))
        #expect(result.page.records.first?.id == .float(42))
        #expect(result.cell(0, "valortotal") == .float(12.5))
        #expect(result.cell(0, "probabilidade") == .float(3))
        #expect(result.cell(0, "valormensal") == .null)
        #expect(result.cell(0, "valoravulso") == .float(-1000))
        #expect(result.cell(0, "etapa") == .null)
        #expect(result.page.coercionFailures == 1)
    }

    @Test func numericCodesKeepTheirValueDespiteLeadingZeros() throws {
        let result = try Flattened("contatos", page: #"""
        [{"id": 1, "contatoPai": {"cnpj": "02954382000118"}, "empresaAtual": {"cnpj": "-007.5"}},
         {"id": 2, "contatoPai": {"cnpj": "0"}, "empresaAtual": {"cnpj": "00"}},
         {"id": 3, "contatoPai": {"cnpj": "0x12"}, "empresaAtual": {"cnpj": "01e2"}}]
        """#)
        #expect(result.cell(0, "contatopai_cnpj") == .float(2_954_382_000_118))
        #expect(result.cell(0, "empresaatual_cnpj") == .float(-7.5))
        #expect(result.cell(1, "contatopai_cnpj") == .float(0))
        #expect(result.cell(1, "empresaatual_cnpj") == .float(0))
        #expect(result.cell(2, "contatopai_cnpj") == .null, "hex is still not a number")
        #expect(result.cell(2, "empresaatual_cnpj") == .float(100))
        #expect(result.page.coercionFailures == 1)
    }

    @Test func booleansFromTheirUsualSpellings() throws {
        let result = try Flattened("pipelines", page: #"""
        [{"id": 1, "ativo": true, "padrao": "false", "permitePularEtapa": 1, "permiteRetornoEtapa": 0,
          "showCustomCard": "TRUE", "propostaObrigatoria": " 1 ", "iniciarQualquerEtapa": 2,
          "motivoDescarteObrigatorio": "talvez", "motivoGanhoPerdaObrigatorio": {"x": 1}}]
        """#)
        #expect(result.cell(0, "ativo") == .boolean(true))
        #expect(result.cell(0, "padrao") == .boolean(false))
        #expect(result.cell(0, "permitepularetapa") == .boolean(true))
        #expect(result.cell(0, "permiteretornoetapa") == .boolean(false))
        #expect(result.cell(0, "showcustomcard") == .boolean(true))
        #expect(result.cell(0, "propostaobrigatoria") == .boolean(true))
        #expect(result.cell(0, "iniciarqualqueretapa") == .null)
        #expect(result.cell(0, "motivodescarteobrigatorio") == .null)
        #expect(result.cell(0, "motivoganhoperdaobrigatorio") == .null)
        #expect(result.page.coercionFailures == 3)
    }

    @Test func textColumnsRenderNumbersAndBooleansWithoutNoise() throws {
        let result = try Flattened("contatos", page: #"""
        [{"id": 1, "cnpj": 12345678000199, "nome": 12.0, "observacao": 12.5, "site": true,
          "skype": 123456789012345678901234567890, "twitter": -0.25}]
        """#)
        #expect(result.cell(0, "cnpj") == .text("12345678000199"))
        #expect(result.cell(0, "nome") == .text("12"))
        #expect(result.cell(0, "observacao") == .text("12.5"))
        #expect(result.cell(0, "site") == .text("true"))
        #expect(result.cell(0, "skype") == .text("123456789012345678901234567890"))
        #expect(result.cell(0, "twitter") == .text("-0.25"))
    }

    @Test func nestingWhereTheSeedHasAScalarFailsForNonTextColumns() throws {
        let result = try Flattened("oportunidades", page: #"""
        [{"id": 1, "valorTotal": {"valor": 10}, "dataCriacao": [2016], "vendaBase": [], "pipeline": {"id": 2}, "cliente": "Acme"}]
        """#)
        #expect(result.cell(0, "valortotal") == .null)
        #expect(result.cell(0, "datacriacao") == .null)
        #expect(result.cell(0, "vendabase") == .null)
        #expect(result.cell(0, "pipeline") == .text(#"{"id":2}"#))
        #expect(result.cell(0, "cliente_nome") == .null)
        #expect(result.page.coercionFailures == 4)  // three scalars plus the string where `cliente` should be an object
    }

    @Test func timestampsInEveryAcceptedForm() throws {
        let result = try Flattened("compromissos", page: #"""
        [{"id": 1, "dataCriacao": "2016-03-30T15:00:00.123Z", "dataAtualizacao": 1459350000000,
          "dataInicio": "2016-03-30", "dataFim": "1459350000000"},
         {"id": 2, "dataCriacao": "30/03/2016", "dataAtualizacao": 1.5, "dataInicio": true, "dataFim": ""}]
        """#)
        #expect(result.cell(0, "datacriacao") == .timestamp(1_459_350_000_123))
        #expect(result.cell(0, "dataatualizacao") == .timestamp(1_459_350_000_000))
        #expect(result.cell(0, "datainicio") == .timestamp(1_459_306_800_000))
        #expect(result.cell(0, "datafim") == .timestamp(1_459_350_000_000))
        #expect(result.othersAreNull(1, except: ["id"]))
        #expect(result.page.coercionFailures == 3)
    }

    @Test func recordsThatAreNotObjectsAreCountedAndSkipped() throws {
        let result = try Flattened("produtos", page: #"[1, "x", null, [], {"id": 5, "nome": "Ok"}]"#)
        #expect(result.page.recordCount == 5)
        #expect(result.page.records.count == 1)
        #expect(result.page.coercionFailures == 4)
        #expect(result.cell(0, "nome") == .text("Ok"))
    }

    @Test func duplicateKeysKeepTheLastValue() throws {
        let result = try Flattened("produtos", page: #"[{"id": 5, "nome": "A", "NOME": "B"}]"#)
        #expect(result.cell(0, "nome") == .text("B"))
    }

    @Test func anEmptyPageHasNoRecords() throws {
        let result = try Flattened("produtos", page: " [ ] ")
        #expect(result.page.recordCount == 0)
        #expect(result.rows.isEmpty)
    }

    @Test func invalidOrTruncatedBodiesThrowAJSONError() {
        let flattener = Flattener(table: Catalog.nectarCRM.table(named: "produtos")!)
        #expect(throws: JSONError.self) { try flattener.flattenPage(Array(#"{"id": 1}"#.utf8)) }
        #expect(throws: JSONError.self) { try flattener.flattenPage(Array(#"[{"id": 1}, {"nome": "a"#.utf8)) }
        #expect(throws: JSONError.self) { try flattener.flattenPage(Array(#"[{"id": 1, "x": [1,}]"#.utf8)) }
        do {
            _ = try flattener.flattenPage(Array(#"[{"id": 1}, {"nome": "#.utf8))
            Issue.record("accepted a truncated page")
        } catch let error as JSONError {
            #expect(error.isTruncated)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aLookupAnswersWithOneObjectOrAList() throws {
        let single = try Flattened("contatos", object: #"{"id": 8, "nome": "Bia"}"#)
        #expect(single.page.recordCount == 1)
        #expect(single.cell(0, "nome") == .text("Bia"))
        let list = try Flattened("oportunidades", object: #"[{"id": 1}, {"id": 2}]"#)
        #expect(list.page.records.map(\.id) == [.float(1), .float(2)])
        #expect(throws: JSONError.self) { try Flattener(table: single.table).flattenObject(Array("42".utf8)) }
    }

    @Test func everyTableFlattensARecordOfItsOwnIdsIntoRowsOfTheRightWidth() throws {
        for table in Catalog.nectarCRM.tables {
            let arrayKey: String
            if case .arrayElements(_, let key) = table.origin { arrayKey = key } else { arrayKey = "unused" }
            let body = #"[{"id": 77, ""# + arrayKey + #"": [{"id": 1}]}]"#
            let page = try Flattener(table: table).flattenPage(Array(body.utf8))
            #expect(page.records.first?.id == .float(77), "\(table.name)")
            #expect(page.rows.count == 1, "\(table.name)")
            #expect(page.rows.allSatisfy { $0.count == table.columns.count }, "\(table.name)")
        }
    }
}
