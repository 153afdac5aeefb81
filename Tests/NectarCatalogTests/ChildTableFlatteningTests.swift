import Testing
import NectarCatalog

/// One hand-written record per child table: every row carries the parent's id and the element's leaves.
@Suite struct ChildTableFlatteningTests {
    @Test func compromissosParticipantes() throws {
        let result = try Flattened("compromissos_participantes", page: #"""
        [{"participantes": [
            {"email": "ana@x.com", "id": 1, "nome": "Ana", "participar": true,
             "usuario": {"ativo": true, "id": 5, "login": "ana", "nome": "Ana Souza"}},
            {"id": 2, "usuario": {}}
          ], "assunto": "Reunião", "id": 10}]
        """#)
        #expect(result.rows.count == 2)
        #expect(result.page.records.first?.id == .float(10))
        #expect(result.rows[0] == [.float(10), .text("ana@x.com"), .float(1), .text("Ana"), .boolean(true),
                                   .boolean(true), .float(5), .text("ana"), .text("Ana Souza")])
        #expect(result.cell(1, "compromisso_id") == .float(10))
        #expect(result.cell(1, "participantes_id") == .float(2))
        #expect(result.othersAreNull(1, except: ["compromisso_id", "participantes_id"]))
        #expect(result.page.coercionFailures == 0)
    }

    @Test func contatosContatos() throws {
        let result = try Flattened("contatos_contatos", page: #"""
        [{"id": 7, "nome": "Acme", "contatos": [
            {"cargo": "CEO", "diasSemInteracao": 3, "email": "b@acme.com", "emailPrincipal": "b@acme.com", "id": 8, "nome": "Bia"}]}]
        """#)
        #expect(result.rows == [[.float(7), .text("CEO"), .float(3), .text("b@acme.com"), .text("b@acme.com"), .float(8), .text("Bia")]])
    }

    @Test func contatosEnderecos() throws {
        let result = try Flattened("contatos_enderecos", page: #"""
        [{"id": 7, "enderecos": [
            {"cep": "01001-000", "complemento": "sala 2", "endereco": "Praça da Sé", "id": 30, "numero": 100,
             "principal": true, "searchByCep": "false", "tipo": "COMERCIAL"},
            {"cep": null, "principal": 0}]},
         {"id": 9, "enderecos": []},
         {"id": 11}]
        """#)
        #expect(result.page.records.map(\.id) == [.float(7), .float(9), .float(11)])
        #expect(result.rows.count == 2)
        #expect(result.rows[0] == [.float(7), .text("01001-000"), .text("sala 2"), .text("Praça da Sé"), .float(30),
                                   .text("100"), .boolean(true), .boolean(false), .text("COMERCIAL")])
        #expect(result.cell(1, "enderecos_principal") == .boolean(false))
        #expect(result.othersAreNull(1, except: ["contato_id", "enderecos_principal"]))
    }

    @Test func contatosContatosPai() throws {
        let result = try Flattened("contatos_contatospai", page: #"""
        [{"contatosPai": [{"contato": {"id": 7}, "dataAtualizacao": "2016-03-30T12:00:00-03:00",
                           "empresa": {"id": 4, "nome": "Matriz"}, "empresaPrincipal": 1}], "id": 7}]
        """#)
        #expect(result.rows == [[.float(7), .float(7), .timestamp(1_459_350_000_000), .float(4), .boolean(true)]])
    }

    @Test func contatosEmpresasAtuais() throws {
        let result = try Flattened("contatos_empresasatuais", page: #"""
        [{"id": 7, "empresasAtuais": [{"contato": {"id": 7}, "dataAtualizacao": 1459350000000,
                                       "empresa": {"id": 4}, "empresaPrincipal": false}]}]
        """#)
        #expect(result.rows == [[.float(7), .float(7), .timestamp(1_459_350_000_000), .float(4), .boolean(false)]])
    }

    @Test func oportunidadesProdutos() throws {
        let result = try Flattened("oportunidades_produtos", page: #"""
        [{"id": 50, "nome": "Venda", "produtos": [
            {"id": 501, "quantidade": "2", "valorUnitario": 10.5, "valorTotal": 21, "nome": "Plano",
             "moeda": "BRL", "recorrencia": 1, "refId": 9,
             "produto": {"id": 3, "nome": "Plano Pro", "ativo": true, "categoria": {"id": 1, "nome": "SaaS"},
                         "valorBase": "10.50", "possuiEstoque": "true"}}]}]
        """#)
        #expect(result.rows.count == 1)
        #expect(result.cell(0, "id_oportunidade") == .float(50))
        #expect(result.cell(0, "id") == .float(501))
        #expect(result.cell(0, "produto_id") == .float(3))
        #expect(result.cell(0, "quantidade") == .float(2))
        #expect(result.cell(0, "valorunitario") == .float(10.5))
        #expect(result.cell(0, "nome") == .text("Plano"))
        #expect(result.cell(0, "produto_nome") == .text("Plano Pro"))
        #expect(result.cell(0, "produto_ativo") == .boolean(true))
        #expect(result.cell(0, "produto_categoria") == .text(#"{"id":1,"nome":"SaaS"}"#))
        #expect(result.cell(0, "produto_valorbase") == .float(10.5))
        #expect(result.cell(0, "produto_possuiestoque") == .boolean(true))
        #expect(result.cell(0, "refid") == .float(9))
        #expect(result.page.records.first?.id == .float(50))
    }

    @Test func oportunidadesPropostas() throws {
        let result = try Flattened("oportunidades_propostas", page: #"""
        [{"id": 900, "oportunidade": {"id": 50, "codigo": "OP-50", "nome": "Venda"}, "autor": {"id": 1, "login": "ana", "nome": "Ana"},
          "codigo": "P-1", "codigoFormatado": "P-0001", "dataCriacao": "2016-03-30T15:00:00Z", "numero": 1,
          "modeloProposta": {"id": 2, "nome": "Padrão"}, "publicUrl": "https://x/p.pdf", "status": 2,
          "statusLabel": "Aprovada", "versao": 3}]
        """#)
        #expect(result.rows.count == 1)
        #expect(result.cell(0, "oportunidade_id") == .float(50))
        #expect(result.cell(0, "oportunidade_codigo") == .text("OP-50"))
        #expect(result.cell(0, "oportunidade_nome") == .text("Venda"))
        #expect(result.cell(0, "id") == .float(900))
        #expect(result.cell(0, "modeloproposta_nome") == .text("Padrão"))
        #expect(result.cell(0, "datacriacao") == .timestamp(1_459_350_000_000))
        #expect(result.cell(0, "dataproposta") == .null)
        #expect(result.page.records.first?.id == .float(900))
    }

    @Test func pipelinesSequencias() throws {
        let result = try Flattened("pipelines_sequencias", page: #"""
        [{"id": 3, "nome": "Vendas", "sequencias": [
            {"gerarProposta": false, "id": 31, "nome": "Contato", "prazo": 5, "produtoObrigatorio": false, "sequencia": 1},
            {"gerarProposta": true, "id": 32, "nome": "Proposta", "prazo": 10, "produtoObrigatorio": true, "sequencia": 2}]}]
        """#)
        #expect(result.rows == [
            [.float(3), .boolean(false), .float(31), .text("Contato"), .float(5), .boolean(false), .float(1)],
            [.float(3), .boolean(true), .float(32), .text("Proposta"), .float(10), .boolean(true), .float(2)],
        ])
    }

    @Test func produtosProdutos() throws {
        let result = try Flattened("produtos_produtos", page: #"""
        [{"id": 3, "nome": "Kit", "produtos": [{"id": 4, "contador": 12, "descricao": "Peça", "nome": "Parafuso"}]}]
        """#)
        #expect(result.rows == [[.float(3), .float(4), .float(12), .text("Peça"), .text("Parafuso")]])
    }

    @Test func parentIdAndArrayKeysMatchIgnoringCaseAndInAnyOrder() throws {
        let result = try Flattened("contatos_enderecos", page: #"[{"ENDERECOS": [{"CEP": "1"}, {"Cep": "2"}], "Id": 5}]"#)
        #expect(result.rows == [
            [.float(5), .text("1"), .null, .null, .null, .null, .null, .null, .null],
            [.float(5), .text("2"), .null, .null, .null, .null, .null, .null, .null],
        ])
    }

    @Test func malformedArraysAndElementsAreCountedNotFatal() throws {
        let result = try Flattened("contatos_enderecos", page: #"""
        [{"id": 1, "enderecos": "nenhum"}, {"id": 2, "enderecos": null}, {"id": 3, "enderecos": [42, {"cep": "9"}, null]}]
        """#)
        #expect(result.rows == [[.float(3), .text("9"), .null, .null, .null, .null, .null, .null, .null]])
        #expect(result.page.coercionFailures == 3)  // the string array, the 42 and the null element
        #expect(result.page.recordCount == 3)
    }
}
