extension DatasetBuilder {
    /// Status 1–6 (em andamento … não vendida), on qualification pipelines.
    mutating func makeQualifications(_ count: Int) -> [MockJSON] {
        ids(count, from: 700_001).enumerated().map { index, id in
            let status = rng.int(1...6)
            let cliente = rng.pick(contacts)
            let funil = rng.pick(pipelines(ofType: 1))
            let etapa = rng.pick(funil.sequencias)
            let created = instant()
            let updated = instant(after: created)
            let codigo = "QL" + MockTimestamp.pad(index + 1, 5)
            return [
                "id": .int(id), "codigo": .string(codigo), "nome": text("Qualificação \(cliente.nome)"), "status": .int(status),
                "cliente": [
                    "id": .int(cliente.id), "nome": .string(cliente.nome), "email": cliente.email, "emailPrincipal": cliente.email,
                    "empresa": .bool(cliente.isEmpresa), "isEmpresa": .bool(cliente.isEmpresa), "ativo": .bool(cliente.ativo),
                ],
                "funilVenda": funil.funilVenda, "pipeline": .string(funil.nome),
                "etapa": etapa["sequencia"] ?? .null, "etapaAtual": etapa,
                "responsavel": user(), "autor": user(), "autorAtualizacao": user(),
                "autorConclusao": status >= 3 ? user() : .null,
                "dataCriacao": timestamp(created), "dataAtualizacao": timestamp(updated),
                "dataLimite": timestamp(created + rng.int(5...60) * 86_400),
                "handRaised": .bool(rng.chance(0.3)), "compromissos": .int(rng.int(0...3)),
                "tarefas": .int(rng.int(0...5)), "tarefasAbertas": .int(rng.int(0...3)),
            ]
        }
    }
}
