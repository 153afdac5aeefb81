struct PipelineFacts {
    let id: Int
    let nome: String
    let padrao: Bool
    /// 0 vendas, 1 qualificação.
    let tipo: Int
    let cascataCicloVida: Int
    let sequencias: [MockJSON]

    /// `funilVenda` as nested in opportunities and qualifications.
    var funilVenda: MockJSON {
        ["id": .int(id), "nome": .string(nome), "padrao": .bool(padrao), "cascataCicloVida": .int(cascataCicloVida)]
    }
}

extension DatasetBuilder {
    /// The first pipeline of every five is a qualification pipeline, the rest are sales pipelines;
    /// the second is the default.
    mutating func makePipelines(_ count: Int) -> [MockJSON] {
        var nextSequenceID = 301
        return ids(count, from: 11).enumerated().map { index, id in
            let tipo = index % 5 == 0 ? 1 : 0
            let baseName = tipo == 1 ? "Qualificação SDR" : BrazilianVocabulary.pipelineNames[index % BrazilianVocabulary.pipelineNames.count]
            let nome = index < 5 ? baseName : "\(baseName) \(index / 5 + 1)"
            let stageCount = rng.int(4...6)
            let sequencias: [MockJSON] = (0..<stageCount).map { position in
                defer { nextSequenceID += 1 }
                return [
                    "id": .int(nextSequenceID), "nome": .string(BrazilianVocabulary.stageNames[position]),
                    "sequencia": .int(position + 1), "prazo": .int(rng.int(2...30)),
                    "gerarProposta": .bool(position == stageCount - 2), "produtoObrigatorio": .bool(rng.chance(0.3)),
                ]
            }
            let facts = PipelineFacts(
                id: id, nome: nome, padrao: index == 1, tipo: tipo, cascataCicloVida: rng.int(0...2), sequencias: sequencias)
            pipelines.append(facts)
            let flags = (0..<10).map { _ in rng.chance(0.5) }
            return [
                "id": .int(id), "nome": .string(nome), "tipo": .int(tipo), "ativo": .bool(index != 4),
                "padrao": .bool(facts.padrao), "moeda": .string(index % 4 == 3 ? "USD" : "BRL"),
                "modeloVenda": .int(rng.int(0...1)), "cascataCicloVida": .int(facts.cascataCicloVida),
                "iniciarQualquerEtapa": .bool(flags[0]), "permitePularEtapa": .bool(flags[1]),
                "permiteRetornoEtapa": .bool(flags[2]), "permiteTarefasAvulsas": .bool(flags[3]),
                "permitirRecorrenciaVariavel": .bool(flags[4]), "propostaObrigatoria": .bool(flags[5]),
                "motivoDescarteObrigatorio": .bool(flags[6]), "motivoGanhoPerdaObrigatorio": .bool(flags[7]),
                "showCustomCard": .bool(flags[8]), "tipoRecorrenciaValorFunil": .int(rng.int(0...2)),
                "ultimaAtualizacao": timestamp(instant()), "sequencias": .array(sequencias),
            ]
        }
    }

    /// Sales pipelines for opportunities (`tipo` 0) or qualification pipelines (`tipo` 1).
    func pipelines(ofType tipo: Int) -> [PipelineFacts] {
        let matching = pipelines.filter { $0.tipo == tipo }
        return matching.isEmpty ? pipelines : matching
    }
}
