struct OpportunityFacts {
    let id: Int
    let codigo: String
    let nome: String
    let funilNome: String
    let temperatura: String
    let quantidadeProdutos: Int
    let diasSemInteracao: Int
    let diasEstagnacao: Int
    let valorTotalDescontos: Double
}

extension DatasetBuilder {
    /// Status 1–5 spread 40/20/20/10/10 %, so the "no status means in progress" quirk matters.
    mutating func makeOpportunities(_ count: Int) -> [MockJSON] {
        ids(count, from: 500_001).enumerated().map { index, id in
            let status = [1, 1, 1, 1, 2, 2, 3, 3, 4, 5][Int(rng.next() % 10)]
            let cliente = rng.pick(contacts)
            let funil = rng.pick(pipelines(ofType: 0))
            let etapa = rng.pick(funil.sequencias)
            let items = opportunityProducts(opportunityID: id)
            let descontos = items.reduce(0) { $0 + ($1["desconto"]?.doubleValue ?? 0) }
            let total = items.isEmpty ? rng.money(800...180_000) : items.reduce(0) { $0 + ($1["valorTotal"]?.doubleValue ?? 0) }
            let mensal = items.filter { $0["recorrencia"]?.intValue == 1 }.reduce(0) { $0 + ($1["valorTotal"]?.doubleValue ?? 0) }
            let probabilidade = rng.pick([10, 25, 50, 75, 90, 100])
            let codigo = "OP" + MockTimestamp.pad(index + 1, 5)
            let nome = "\(rng.pick(BrazilianVocabulary.opportunityThemes)) \(cliente.nome)"
            let created = instant()
            let updated = instant(after: created)
            let facts = OpportunityFacts(
                id: id, codigo: codigo, nome: nome, funilNome: funil.nome, temperatura: Self.temperature(probabilidade),
                quantidadeProdutos: items.count, diasSemInteracao: rng.int(0...120), diasEstagnacao: rng.int(0...90),
                valorTotalDescontos: (descontos * 100).rounded() / 100)
            opportunities.append(facts)
            return [
                "id": .int(id), "codigo": .string(codigo), "nome": text(nome), "status": .int(status),
                "cliente": cliente.cliente, "funilVenda": funil.funilVenda, "pipeline": .string(funil.nome),
                "etapa": etapa["sequencia"] ?? .null, "etapaNome": etapa["nome"] ?? .null, "etapaAtual": etapa,
                "responsavel": user(), "autor": user(), "autorAtualizacao": user(),
                "dataCriacao": timestamp(created), "dataAtualizacao": timestamp(updated),
                "dataLimite": timestamp(created + rng.int(10...150) * 86_400),
                "stageEntryDate": timestamp(instant(after: created, before: updated)),
                "dataConclusao": status == 1 || status == 5 ? .null : timestamp(updated),
                "probabilidade": .int(probabilidade), "temperatura": .string(facts.temperatura),
                "valorTotal": amount((total * 100).rounded() / 100), "valorMensal": .number((mensal * 100).rounded() / 100),
                "valorAvulso": .number(((total - mensal) * 100).rounded() / 100), "valorTotalDescontos": .number(facts.valorTotalDescontos),
                "quantidadeProdutos": .int(items.count), "produtos": .array(items),
                "vendaBase": .bool(rng.chance(0.2)), "atividadesAtrasadas": .int(rng.int(0...5)),
                "compromissos": .int(rng.int(0...4)), "tarefas": .int(rng.int(0...6)),
                "diasSemInteracao": .int(facts.diasSemInteracao), "diasEstagnacaoNaEtapa": .int(facts.diasEstagnacao),
                "observacao": rng.chance(0.4) ? text(rng.pick(BrazilianVocabulary.remarks)) : .null,
            ]
        }
    }

    static func temperature(_ probability: Int) -> String {
        probability < 25 ? "Frio" : probability < 50 ? "Morno" : probability < 75 ? "Quente" : "Muito Quente"
    }

    /// `oportunidades.produtos[]`: line items, each with the whole nested `produto`.
    private mutating func opportunityProducts(opportunityID: Int) -> [MockJSON] {
        (0..<rng.pick([0, 1, 1, 2, 3])).map { position in
            let product = rng.pick(products)
            let quantidade = Double(rng.int(1...20))
            let desconto = rng.chance(0.3) ? (product.valorBase * quantidade * Double(rng.int(1...15))).rounded() / 100 : 0
            let acrescimo = rng.chance(0.1) ? rng.money(10...500) : 0
            let total = ((product.valorBase * quantidade - desconto + acrescimo) * 100).rounded() / 100
            return [
                "id": .int(opportunityID * 10 + position), "produto": product.nested, "nome": .string(product.nome),
                "codigo": .string(product.codigo), "descricao": text(product.descricao), "moeda": .string(product.moeda),
                "quantidade": .number(quantidade), "valorUnitario": .number(product.valorBase), "valorTotal": .number(total),
                "desconto": .number(desconto), "isDescontoPorcentual": .bool(rng.chance(0.5)),
                "acrescimo": .number(acrescimo), "acrescimoPercentual": .bool(rng.chance(0.3)),
                "recorrencia": .int(product.recorrencia), "quantidadeRecorrencia": .int(product.recorrencia == 0 ? 1 : rng.pick([6, 12, 24, 36])),
                "grupoNome": .string(rng.pick(["Principal", "Adicionais", "Serviços"])), "subGrupoNome": rng.chance(0.5) ? .string("Opcionais") : .null,
                "refId": .int(product.id * 100 + position),
            ]
        }
    }
}
