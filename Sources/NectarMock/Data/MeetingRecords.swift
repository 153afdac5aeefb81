extension DatasetBuilder {
    /// `compromissos`: meetings with a client, an opportunity summary and participants.
    mutating func makeMeetings(_ count: Int) -> [MockJSON] {
        ids(count, from: 800_001).map { id in
            let cliente = rng.pick(contacts)
            let opportunity = rng.pick(opportunities)
            let start = meetingStart(from: instant())
            let allDay = rng.chance(0.15)
            let end = allDay ? start + 86_400 : start + rng.pick([30, 60, 90, 120]) * 60
            let created = instant(before: start)
            return [
                "id": .int(id), "assunto": text(rng.pick(BrazilianVocabulary.meetingSubjects)),
                "descricao": rng.chance(0.7) ? text(rng.pick(BrazilianVocabulary.remarks)) : .null,
                "status": .int(rng.int(0...3)), "diaInteiro": .bool(allDay),
                "dataInicio": timestamp(start), "dataFim": timestamp(end),
                "dataCriacao": timestamp(created), "dataAtualizacao": timestamp(instant(after: created)),
                "endereco": rng.chance(0.6) ? text("\(rng.pick(BrazilianVocabulary.streets)), \(cliente.city.city)") : .null,
                "cliente": cliente.cliente,
                "oportunidade": [
                    "id": .int(opportunity.id), "funilVenda": .string(opportunity.funilNome), "temperatura": .string(opportunity.temperatura),
                    "quantidadeProdutos": .int(opportunity.quantidadeProdutos), "diasSemInteracao": .int(opportunity.diasSemInteracao),
                    "diasEstagnacaoNaEtapa": .int(opportunity.diasEstagnacao), "valorTotalDescontos": .number(opportunity.valorTotalDescontos),
                ],
                "responsavel": user(), "autor": user(), "autorAtualizacao": user(),
                "participantes": .array(participants(meetingID: id, client: cliente)),
            ]
        }
    }

    /// About a quarter of the meetings fall within three weeks either side of "now", as a live
    /// calendar has recent and upcoming meetings; the rest anywhere in the account's history.
    /// Derived from the one draw, so the records generated after the meetings stay the same.
    func meetingStart(from drawn: Int) -> Int {
        guard drawn % 4 == 0 else { return drawn }
        let week = 7 * 86_400
        return now - 3 * week + (drawn / 4) % (6 * week)
    }

    /// Users of the account (with a nested `usuario`) and, sometimes, the client's own people (without).
    private mutating func participants(meetingID: Int, client: ContactFacts) -> [MockJSON] {
        (0..<rng.int(1...4)).map { position in
            let id = meetingID * 10 + position
            if position > 0, rng.chance(0.3) {
                return [
                    "id": .int(id), "nome": .string(personName()), "email": client.email,
                    "participar": .bool(rng.chance(0.7)), "usuario": .null,
                ]
            }
            let member = rng.pick(reference.users)
            return [
                "id": .int(id), "nome": .string(member.nome), "email": .string(member.login), "participar": .bool(rng.chance(0.8)),
                "usuario": ["id": .int(member.id), "login": .string(member.login), "nome": .string(member.nome), "ativo": .bool(member.ativo)],
            ]
        }
    }
}
