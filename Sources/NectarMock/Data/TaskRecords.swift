extension DatasetBuilder {
    mutating func makeTasks(_ count: Int) -> [MockJSON] {
        ids(count, from: 900_001).map { id in
            let cliente = rng.pick(contacts)
            let tarefaTipo = rng.pick(reference.tarefaTipos)
            let created = instant()
            return [
                "id": .int(id), "titulo": text(rng.pick(BrazilianVocabulary.taskTitles)),
                "descricao": rng.chance(0.6) ? text(rng.pick(BrazilianVocabulary.remarks)) : .null,
                "tipo": .int(rng.int(0...4)), "prioridade": .int(rng.pick([0, 0, 0, 1, 1, 2])), "status": .int(rng.int(0...3)),
                "cliente": ["id": .int(cliente.id), "nome": .string(cliente.nome), "isEmpresa": .bool(cliente.isEmpresa)],
                "tarefaTipo": [
                    "id": .int(tarefaTipo.id), "nome": .string(tarefaTipo.nome), "natureza": .int(rng.int(0...2)), "ativo": .bool(rng.chance(0.9)),
                ],
                "checklist": rng.chance(0.4) ? rng.pick(reference.checklists).json : .null,
                "responsavel": user(),
                "dataCriacao": timestamp(created), "dataAtualizacao": timestamp(instant(after: created)),
                "dataLimite": timestamp(created + rng.int(1...30) * 86_400),
            ]
        }
    }
}
